import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import { buildIndexInWorker } from '../../../main/core/search/index-builder'
import { readIndexFile } from '../../../main/core/search/index-file'
import { loadLibraryIndex } from '../../../main/core/search/library-index'
import { copySample, sampleCaseIds, useTempFolders } from '../../helpers/temp-library'
import { withoutTiming } from './case-factory'

const temp = useTempFolders()

async function setUp() {
  const library = await openLibrary(await copySample(await temp.make()))
  const indexDir = join(await temp.make('kb-appdata-'), 'index')
  const open = (onProgress?: (d: number, t: number) => void) =>
    loadLibraryIndex(library.root, { indexDir, synonyms: library.config.synonyms, onProgress })
  return { library, indexDir, open }
}

describe('loadLibraryIndex', () => {
  it('builds the index file in the user folder on first open, reporting progress', async () => {
    const { indexDir, open } = await setUp()
    const progress: [number, number][] = []
    const first = await open((d, t) => progress.push([d, t]))
    const count = (await sampleCaseIds()).length
    expect(first.fromCache).toBe(false)
    expect(first.engine.size).toBe(count)
    expect(progress.at(-1)).toEqual([count, count])
    const files = (await readdir(indexDir)).filter((n) => n.endsWith('.kbi'))
    expect(files).toHaveLength(1)
    expect((await stat(join(indexDir, files[0]!))).size).toBeGreaterThan(0)
    first.engine.close()
  })

  it('reopens from the file without reading a case, with the same answers', async () => {
    const { open } = await setUp()
    const built = await open()
    const cached = await open()
    expect(cached.fromCache).toBe(true)
    for (const q of ['協働 地域', '防災', 'type:npo']) {
      expect(withoutTiming(cached.engine.query(q))).toEqual(withoutTiming(built.engine.query(q)))
    }
    built.engine.close()
    cached.engine.close()
  })

  it('re-reads a case whose case.json changed while no app was running', async () => {
    const { library, open } = await setUp()
    ;(await open()).engine.close()
    const id = (await sampleCaseIds())[0]!
    const file = join(library.cases.folderOf(id), 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8')) as { title: string }
    meta.title = '外部エディタで変えた題名ほげら'
    await writeFile(file, JSON.stringify(meta, null, 2))
    const later = new Date(Date.now() + 5000)
    await utimes(file, later, later)
    const reopened = await open()
    expect(reopened.fromCache).toBe(false)
    expect(reopened.engine.query('ほげら').ids).toEqual([id])
    reopened.engine.close()
  })

  it("drops a case deleted behind the app's back and picks up a new body", async () => {
    const { library, open } = await setUp()
    ;(await open()).engine.close()
    const [first, second] = await sampleCaseIds()
    await library.trash.remove(first!)
    await writeFile(join(library.cases.folderOf(second!), 'case.md'), '## 背景・課題\n\nぴよぴよ')
    const reopened = await open()
    expect(reopened.engine.query('').ids).not.toContain(first)
    expect(reopened.engine.query('ぴよぴよ').ids).toEqual([second])
    expect(reopened.engine.query('ぴよぴよ').hits[0]!.snippets.length).toBeGreaterThan(0)
    reopened.engine.close()
  })

  it('skips a damaged case and indexes every other one', async () => {
    const { library, open } = await setUp()
    const [broken, ...rest] = await sampleCaseIds()
    await writeFile(join(library.cases.folderOf(broken!), 'case.json'), '{"schema": 1, "id": "cut')
    const { engine } = await open()
    expect(engine.size).toBe(rest.length)
    expect(engine.query('').ids).not.toContain(broken)
    engine.close()
  })

  it('rebuilds from the files when the index file is damaged, keeping only the new one', async () => {
    const { indexDir, open } = await setUp()
    ;(await open()).engine.close()
    const [name] = (await readdir(indexDir)).filter((n) => n.endsWith('.kbi'))
    await writeFile(join(indexDir, name!), 'KBIX damaged')
    const reopened = await open()
    expect(reopened.fromCache).toBe(false)
    expect(reopened.engine.size).toBe((await sampleCaseIds()).length)
    expect((await readdir(indexDir)).filter((n) => n.endsWith('.kbi'))).not.toContain(name)
    reopened.engine.close()
  })

  it('ignores an old <library>/.cache folder', async () => {
    const { library, open } = await setUp()
    await mkdir(join(library.root, '.cache'))
    await writeFile(join(library.root, '.cache', 'search-index.json'), '{"kind":"x"}')
    const { engine } = await open()
    expect(engine.size).toBe((await sampleCaseIds()).length)
    engine.close()
  })

  it('builds in a worker thread (large libraries) a file equal to the one built here', async () => {
    const { library, indexDir, open } = await setUp()
    const here = await open()
    const file = join(indexDir, 'from-worker.kbi')
    const progress: number[] = []
    const { caseCount } = await buildIndexInWorker(library.root, file, (done) =>
      progress.push(done),
    )
    expect(caseCount).toBe(here.engine.size)
    expect(progress.at(-1)).toBe(caseCount)
    const loaded = await readIndexFile(file, library.root)
    expect(loaded!.docs.map((d) => d.id).sort()).toEqual(here.engine.ids().sort())
    loaded!.bodies.close()
    here.engine.close()
  })
})
