import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { findCycles } from '../../scripts/lint/import-cycles'

const ROOT = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: ROOT })

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result!.messages.map((message) => message.ruleId ?? message.message)
}

describe('layer rules in lint', () => {
  it('refuses common/ importing main/, preload/ or renderer/', async () => {
    expect(await violations('common/x.ts', "import '../main/core/ids'\n")).toContain(
      'import-x/no-restricted-paths',
    )
    expect(await violations('common/x.ts', "import '../renderer/src/api'\n")).toContain(
      'import-x/no-restricted-paths',
    )
  })

  it('refuses main/core importing main/api, and electron outside the shell', async () => {
    expect(await violations('main/core/x.ts', "import '../api/dispatch'\n")).toContain(
      'import-x/no-restricted-paths',
    )
    for (const path of ['main/core/x.ts', 'main/api/x.ts', 'main/web/x.ts', 'main/cli/x.ts']) {
      expect(await violations(path, "import 'electron'\n")).toContain('no-restricted-imports')
    }
  })

  it('refuses the renderer importing main/', async () => {
    expect(await violations('renderer/src/x.ts', "import '../../main/core/ids'\n")).toContain(
      'import-x/no-restricted-paths',
    )
  })

  it('allows the imports the layers are built on', async () => {
    expect(await violations('main/core/x.ts', "import '../../common/model'\n")).toEqual([])
    expect(await violations('renderer/src/x.ts', "import '../../common/api'\n")).toEqual([])
  })
})

describe('import cycle check', () => {
  it('finds a cycle through type-only imports and a self-import, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ])
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d']])
    expect(
      findCycles(
        new Map([
          ['x', ['y']],
          ['y', []],
        ]),
      ),
    ).toEqual([])
  })
})
