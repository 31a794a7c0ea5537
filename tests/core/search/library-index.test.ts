import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import {
  INDEX_CACHE_FILE,
  loadLibraryIndex,
  saveLibraryIndex,
} from '../../../main/core/search/library-index'
import { copySample, sampleCaseIds, useTempFolders } from '../../helpers/temp-library'
import { withoutTiming } from './case-factory'

const temp = useTempFolders()

async function sampleLibrary() {
  return openLibrary(await copySample(await temp.make()))
}

describe('loadLibraryIndex', () => {
  it('builds the index on first open, reporting progress, and writes the cache', async () => {
    const library = await sampleLibrary()
    const progress: [number, number][] = []
    const first = await loadLibraryIndex(library, { onProgress: (d, t) => progress.push([d, t]) })
    const count = (await sampleCaseIds()).length
    expect(first.fromCache).toBe(false)
    expect(first.engine.size).toBe(count)
    expect(progress.at(-1)).toEqual([count, count])
    expect((await stat(join(library.root, INDEX_CACHE_FILE))).size).toBeGreaterThan(0)
  })

  it('reuses the cache when no case file changed, with the same answers', async () => {
    const library = await sampleLibrary()
    const built = await loadLibraryIndex(library)
    const cached = await loadLibraryIndex(await openLibrary(library.root))
    expect(cached.fromCache).toBe(true)
    const expected = withoutTiming(built.engine.query('協働 地域'))
    const actual = withoutTiming(cached.engine.query('協働 地域'))
    expect(actual).toEqual(expected)
  })

  it("re-reads a case whose case.json changed behind the app's back", async () => {
    const library = await sampleLibrary()
    await loadLibraryIndex(library)
    const id = (await sampleCaseIds())[0]!
    const file = join(library.cases.folderOf(id), 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8')) as { title: string }
    meta.title = '外部エディタで変えた題名ほげら'
    await writeFile(file, JSON.stringify(meta, null, 2))
    // Same mtime as before would be a lie no editor tells; make sure the clock moved on.
    const later = new Date(Date.now() + 5000)
    await utimes(file, later, later)
    const reopened = await loadLibraryIndex(await openLibrary(library.root))
    expect(reopened.fromCache).toBe(false)
    expect(reopened.engine.query('ほげら').ids).toEqual([id])
    expect((await loadLibraryIndex(await openLibrary(library.root))).fromCache).toBe(true)
  })

  it("drops a case deleted behind the app's back and picks up a new body", async () => {
    const library = await sampleLibrary()
    await loadLibraryIndex(library)
    const [first, second] = await sampleCaseIds()
    await library.trash.remove(first!)
    await writeFile(join(library.cases.folderOf(second!), 'case.md'), '## 背景・課題\n\nぴよぴよ')
    const reopened = await loadLibraryIndex(await openLibrary(library.root))
    expect(reopened.engine.query('').ids).not.toContain(first)
    expect(reopened.engine.query('ぴよぴよ').ids).toEqual([second])
  })

  it('skips a damaged case and indexes every other one', async () => {
    const library = await sampleLibrary()
    const [broken, ...rest] = await sampleCaseIds()
    await writeFile(join(library.cases.folderOf(broken!), 'case.json'), '{"schema": 1, "id": "cut')
    const { engine } = await loadLibraryIndex(library)
    expect(engine.size).toBe(rest.length)
    expect(engine.query('').ids).not.toContain(broken)
  })

  it('rebuilds from the files when the cache is damaged', async () => {
    const library = await sampleLibrary()
    await loadLibraryIndex(library)
    await writeFile(join(library.root, INDEX_CACHE_FILE), '{"kind": "kyodo-kb/search-cache", "ver')
    const reopened = await loadLibraryIndex(await openLibrary(library.root))
    expect(reopened.fromCache).toBe(false)
    expect(reopened.engine.size).toBe((await sampleCaseIds()).length)
  })

  it('saveLibraryIndex stores incremental updates so the next open uses them', async () => {
    const library = await sampleLibrary()
    const { engine } = await loadLibraryIndex(library)
    const created = await library.cases.create({ meta: { title: '新規の里山ぽこぽこ事例' } })
    engine.upsert(created)
    await saveLibraryIndex(library, engine)
    const reopened = await loadLibraryIndex(await openLibrary(library.root))
    expect(reopened.fromCache).toBe(true)
    expect(reopened.engine.query('ぽこぽこ').ids).toEqual([created.meta.id])
  })
})
