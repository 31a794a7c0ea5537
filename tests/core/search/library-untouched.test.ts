import { lstat, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexFolderFor } from '../../../main/core/search/index-location'
import { openLibrarySession } from '../../../main/library-session'
import { SAMPLE_DIR, copySample, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

/** Every file and folder under `root` (hidden ones too) with its size and mtime. */
async function listing(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      const info = await lstat(path)
      out[relative(root, path)] = `${entry.isDirectory() ? 'dir' : info.size}@${info.mtimeMs}`
      if (entry.isDirectory()) await walk(path)
    }
  }
  out['.'] = `dir@${(await lstat(root)).mtimeMs}`
  await walk(root)
  return out
}

describe('opening and searching a library', () => {
  it('leaves every file and folder of the library untouched (names, sizes, mtimes)', async () => {
    const root = await copySample(await temp.make())
    const appData = await temp.make('kb-appdata-')
    // Opening backs up library.json once when it changed since its last backup (a shared-drive
    // safety feature of the library store, not the index): take that backup first, with another
    // user's app data, so the opens below start from a library that has been opened before.
    await (
      await openLibrarySession({
        libraryDir: root,
        sampleDir: SAMPLE_DIR,
        appData: await temp.make(),
        watch: false,
      })
    ).close()
    const before = await listing(root)
    // Twice: the first open builds the index, the second reads it back.
    for (let round = 0; round < 2; round++) {
      const session = await openLibrarySession({ libraryDir: root, sampleDir: SAMPLE_DIR, appData })
      await session.ready()
      for (const q of ['協働', '防災 -訓練', 'type:npo', '"地域"', 'ぼらんてぃあ', '森']) {
        const result = await session.service['search.query'](q, { limit: 100 })
        expect(result.ok).toBe(true)
      }
      const list = await session.service['cases.list']()
      expect(list.ok).toBe(true)
      if (list.ok) await session.service['cases.get'](list.value.cases[0]!.id)
      await session.close()
    }
    expect(await listing(root)).toEqual(before)
    const indexDir = indexFolderFor(appData, root)
    expect((await readdir(indexDir)).some((name) => name.endsWith('.kbi'))).toBe(true)
  })

  it('keeps one index folder per library, shared by every door that uses the same app data', () => {
    const a = indexFolderFor('/data', '/srv/share/lib')
    expect(indexFolderFor('/data', '/srv/share/lib/')).toBe(a)
    expect(indexFolderFor('/data', '/srv/share/lib2')).not.toBe(a)
    expect(indexFolderFor('C:\\Users\\a', 'S:\\Lib', 'win32')).toBe(
      indexFolderFor('C:\\Users\\a', 's:\\lib', 'win32'),
    )
  })
})
