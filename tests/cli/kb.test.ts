import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CaseDoc, CaseMeta, DamagedCase } from '../../common/model'
import { runCli } from '../../main/cli/kb'
import { openLibrary } from '../../main/core/library'
import {
  PROJECT_ROOT,
  copySample,
  sampleCaseIds,
  snapshotTree,
  useTempFolders,
} from '../helpers/temp-library'

const temp = useTempFolders()

/** Runs the CLI in-process with captured output. */
async function kb(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  })
  return { code, stdout, stderr }
}

async function sampleCopy(): Promise<string> {
  return copySample(await temp.make())
}

/** A sample copy whose first case has a case.json that does not parse. */
async function sampleWithCorruptCase(): Promise<{
  dir: string
  id: string
  file: string
  bytes: Buffer
}> {
  const dir = await sampleCopy()
  const id = (await sampleCaseIds())[0]!
  const file = join(dir, 'cases', id, 'case.json')
  await writeFile(file, '{"schema": 1, "id": "cut off in the midd')
  return { dir, id, file, bytes: await readFile(file) }
}

describe('kb usage', () => {
  it('prints the usage with exit code 0 for help, and 2 when no command is given', async () => {
    const help = await kb('help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('usage')
    for (const command of ['init', 'list', 'show', 'check']) expect(help.stdout).toContain(command)
    const none = await kb()
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('usage')
  })

  it('refuses an unknown command with exit code 2 and names it', async () => {
    const result = await kb('destroy', '/tmp')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown command')
    expect(result.stderr).toContain('destroy')
  })

  it.each([
    ['list without a folder', ['list']],
    ['show without an id', ['show', '/tmp/x']],
    ['check with an extra argument', ['check', '/tmp/x', 'extra']],
    ['an unknown option', ['list', '/tmp/x', '--force']],
    ['--name without a value', ['init', '/tmp/x', '--name']],
  ])('refuses %s with exit code 2 and a message', async (_what, argv) => {
    const result = await kb(...argv)
    expect(result.code).toBe(2)
    expect(result.stderr.length).toBeGreaterThan(0)
    expect(result.stdout).toBe('')
  })

  it.each(['list', 'check'])(
    'fails %s on a missing folder with exit code 1 and says so',
    async (command) => {
      const missing = join(await temp.make(), 'missing')
      const result = await kb(command, missing)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('Folder not found')
      await expect(readdir(missing)).rejects.toMatchObject({ code: 'ENOENT' })
    },
  )
})

describe('kb init', () => {
  it('creates an empty library in a new folder with the given name', async () => {
    const dir = join(await temp.make(), 'new-library')
    const result = await kb('init', dir, '--name', '研修用ライブラリ')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(dir)
    expect(await readdir(dir)).toEqual(['library.json'])
    const library = await openLibrary(dir)
    expect(library.config.name).toBe('研修用ライブラリ')
    expect((await library.cases.list()).cases).toEqual([])
  })

  it('with --sample copies every sample case into the new library', async () => {
    const dir = join(await temp.make(), 'with-sample')
    const result = await kb('init', dir, '--sample')
    expect(result.code).toBe(0)
    const ids = await sampleCaseIds()
    expect(result.stdout).toContain(String(ids.length))
    const { cases, damaged } = await (await openLibrary(dir)).cases.list()
    expect(cases.map((c) => c.id).sort()).toEqual(ids)
    expect(damaged).toEqual([])
  })

  it('refuses to put a library into a folder with other files, leaving it untouched', async () => {
    const dir = await temp.make()
    await writeFile(join(dir, 'memo.txt'), 'mine')
    const before = await snapshotTree(dir)
    for (const argv of [
      ['init', dir],
      ['init', dir, '--sample'],
    ]) {
      const result = await kb(...argv)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('error')
    }
    expect(await snapshotTree(dir)).toEqual(before)
  })
})

describe('kb list and show', () => {
  it('lists one tab-separated line per case: id, fiscal year, status, title', async () => {
    const dir = await sampleCopy()
    const result = await kb('list', dir)
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    const { cases } = await (await openLibrary(dir)).cases.list()
    expect(lines).toHaveLength(cases.length)
    expect(lines).toEqual(
      cases.map((c) => `${c.id}\t${c.fiscalYear ?? '-'}\t${c.status}\t${c.title}`),
    )
    expect(result.stderr).toContain(`${cases.length} 件`)
  })

  it('lists as parseable JSON with --json, including damaged cases', async () => {
    const { dir, id } = await sampleWithCorruptCase()
    const result = await kb('list', dir, '--json')
    expect(result.code).toBe(0)
    const parsed = JSON.parse(result.stdout) as { cases: CaseMeta[]; damaged: DamagedCase[] }
    const ids = await sampleCaseIds()
    expect(parsed.cases.map((c) => c.id).sort()).toEqual(ids.filter((i) => i !== id))
    expect(parsed.damaged).toEqual([
      { id, file: `cases/${id}/case.json`, reason: expect.stringContaining('not valid JSON') },
    ])
  })

  it('shows a case as labelled text followed by its body', async () => {
    const dir = await sampleCopy()
    const id = (await sampleCaseIds())[0]!
    const doc = await (await openLibrary(dir)).cases.get(id)
    const result = await kb('show', dir, id)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`事例名: ${doc.meta.title}`)
    expect(result.stdout).toContain(`ID: ${id}`)
    expect(result.stdout).toContain(`状態: ${doc.meta.status}`)
    expect(result.stdout).toContain(`版 ${doc.meta.revision}`)
    expect(result.stdout.endsWith(`${doc.body}\n`)).toBe(true)
  })

  it('shows a case as JSON equal to what the store reads with --json', async () => {
    const dir = await sampleCopy()
    const id = (await sampleCaseIds()).at(-1)!
    const result = await kb('show', dir, id, '--json')
    expect(result.code).toBe(0)
    const parsed = JSON.parse(result.stdout) as CaseDoc
    expect(parsed).toEqual(await (await openLibrary(dir)).cases.get(id))
  })

  it.each([
    ['an unknown id', 'no-such-case', 'not found'],
    ['an invalid id', '../library', 'Invalid id'],
  ])('fails show for %s with exit code 1 and a message', async (_what, id, message) => {
    const dir = await sampleCopy()
    const result = await kb('show', dir, id)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(message)
  })
})

describe('kb check', () => {
  it('passes the clean sample with exit code 0 and no problem lines', async () => {
    const dir = await sampleCopy()
    const before = await snapshotTree(dir)
    const result = await kb('check', dir)
    expect(result).toMatchObject({ code: 0, stdout: '' })
    expect(result.stderr).toContain('no problems')
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('reports a corrupt case.json on exactly one line with its path and reason, exits 1 and leaves it unchanged', async () => {
    const { dir, id, file, bytes } = await sampleWithCorruptCase()
    const before = await snapshotTree(dir)
    const result = await kb('check', dir)
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]!.startsWith(`cases/${id}/case.json: `)).toBe(true)
    expect(lines[0]).toContain('not valid JSON')
    expect(result.stderr).toContain('1 件の問題')
    expect(await readFile(file)).toEqual(bytes)
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('reports a case.md that is not UTF-8 and an attachment name Windows refuses', async () => {
    const dir = await sampleCopy()
    const [first, second] = (await sampleCaseIds()) as [string, string]
    await writeFile(join(dir, 'cases', first, 'case.md'), Buffer.from([0x82, 0xa0, 0x82, 0xa2]))
    await mkdir(join(dir, 'cases', second, 'attachments'), { recursive: true })
    await writeFile(join(dir, 'cases', second, 'attachments', 'CON.png'), 'x')
    const result = await kb('check', dir)
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n').sort()
    expect(lines).toHaveLength(2)
    expect(lines).toEqual(
      [
        expect.stringMatching(new RegExp(`^cases/${first}/case\\.md: .+`)),
        expect.stringMatching(new RegExp(`^cases/${second}/attachments/CON\\.png: .*reserved`)),
      ].sort(),
    )
  })

  // A body that is not UTF-8 (e.g. saved as Shift_JIS by an old editor) is named as such.
  it('says that a case.md in Shift_JIS is not valid UTF-8', async () => {
    const dir = await sampleCopy()
    const id = (await sampleCaseIds())[0]!
    await writeFile(join(dir, 'cases', id, 'case.md'), Buffer.from([0x82, 0xa0, 0x82, 0xa2]))
    const result = await kb('check', dir)
    expect(result.stdout).toContain(`cases/${id}/case.md: UTF-8 ではありません (not valid UTF-8)`)
  })

  it('reports a damaged library.json with exit code 1 and leaves it unchanged', async () => {
    const dir = await sampleCopy()
    await writeFile(join(dir, 'library.json'), '{"format":')
    const result = await kb('check', dir)
    expect(result.code).toBe(1)
    expect(result.stdout.startsWith('library.json: ')).toBe(true)
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe('{"format":')
  })

  it('exits the real process with code 1 and prints the problem line (npx tsx main/cli/kb.ts check)', async () => {
    const { dir, id, file, bytes } = await sampleWithCorruptCase()
    const appData = await temp.make()
    const child = spawn('npx', ['tsx', 'main/cli/kb.ts', 'check', dir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, KB_APP_DATA: appData },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.resume()
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    expect(code).toBe(1)
    expect(stdout).toContain(`cases/${id}/case.json: `)
    expect(await readFile(file)).toEqual(bytes)
  }, 30_000)
})
