import { readdir, readFile, utimes, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  backupBeforeWrite,
  backupLibraryConfig,
  cleanStrayTempFiles,
  listBackups,
  listLibraryConfigBackups,
  openLibraryWithFallback,
  restoreBackup,
  restoreLibraryConfig,
} from '../../../main/core/backup/backups'
import { openLibrary } from '../../../main/core/library'
import {
  copySample,
  expectKbError,
  inputOf,
  snapshotTree,
  tempFilesUnder,
  tickingClock,
  useTempFolders,
} from '../../helpers/temp-library'

const temp = useTempFolders()
const ID = 'akiya-taisaku-kyotei'

async function sample() {
  const dir = await copySample(await temp.make())
  return { dir, library: await openLibrary(dir) }
}

describe('case backups', () => {
  it('keeps the previous version on every save, newest first, bounded to the last 10', async () => {
    const { library } = await sample()
    for (let i = 0; i < 12; i++) {
      const doc = await library.cases.get(ID)
      await library.cases.save({
        id: ID,
        meta: { ...inputOf(doc.meta), title: `版 ${i}` },
        body: `本文 ${i}\n`,
        baseRevision: doc.meta.revision,
      })
    }
    const backups = await listBackups(library, ID)
    // Saves 1–12 replaced revisions 1–12; the oldest two backups were pruned.
    expect(backups.map((b) => b.revision)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3])
    expect(backups[0]!.title).toBe('版 10')
  })

  it('bounds the backups of a case to the number asked for', async () => {
    const { library } = await sample()
    const now = tickingClock()
    for (let i = 0; i < 5; i++) await backupBeforeWrite(library, ID, { now, keep: 3 })
    expect(await listBackups(library, ID)).toHaveLength(3)
  })

  it('restores a backup as a normal save on top of the current revision, backing up the current one first', async () => {
    const { library } = await sample()
    const original = await library.cases.get(ID)
    await backupBeforeWrite(library, ID)
    await library.cases.save({
      id: ID,
      meta: { ...inputOf(original.meta), title: '間違えた編集' },
      body: '消してしまった\n',
      baseRevision: original.meta.revision,
    })
    const [backup] = await listBackups(library, ID)
    const restored = await restoreBackup(library, ID, backup!.stamp)
    expect(restored.meta.revision).toBe(original.meta.revision + 2)
    expect(restored.body).toBe(original.body)
    expect(restored.meta.title).toBe(original.meta.title)
    expect(restored.meta.createdAt).toBe(original.meta.createdAt)
    expect(await library.cases.get(ID)).toEqual(restored)
    // The mistaken version is now a backup too: the restore can itself be undone.
    const backups = await listBackups(library, ID)
    expect(backups[0]!.title).toBe('間違えた編集')
    await expectKbError(restoreBackup(library, ID, 'no-such-stamp'), 'not_found')
  })

  it('never overwrites a damaged case.json when restoring', async () => {
    const { dir, library } = await sample()
    await backupBeforeWrite(library, ID)
    const [backup] = await listBackups(library, ID)
    await writeFile(join(dir, 'cases', ID, 'case.json'), '{ broken')
    await expectKbError(restoreBackup(library, ID, backup!.stamp), 'damaged')
    expect(await readFile(join(dir, 'cases', ID, 'case.json'), 'utf8')).toBe('{ broken')
  })
})

describe('library.json backups and fallback', () => {
  it('backs up library.json only when it changed, bounded, and never a damaged one', async () => {
    const { dir, library } = await sample()
    const now = tickingClock()
    expect(await backupLibraryConfig(dir, { now })).not.toBeNull()
    expect(await backupLibraryConfig(dir, { now })).toBeNull()
    for (let i = 0; i < 4; i++) {
      await library.settings.update((c) => ({ ...c, name: `名前 ${i}` }))
      await backupLibraryConfig(dir, { now, keep: 3 })
    }
    const backups = await listLibraryConfigBackups(dir)
    expect(backups.map((b) => b.name)).toEqual(['名前 3', '名前 2', '名前 1'])
    await writeFile(join(dir, 'library.json'), '{"format": "kyodo-kb/1", "name"')
    expect(await backupLibraryConfig(dir, { now })).toBeNull()
  })

  it('opens a library whose library.json is damaged from the newest good backup, with a notice, keeping the damaged file', async () => {
    const { dir, library } = await sample()
    await library.settings.update((c) => ({ ...c, name: 'バックアップ済みの名前' }))
    await backupLibraryConfig(dir)
    const damaged = '{"format": "kyodo-kb/1", "name": "途中で切れ'
    await writeFile(join(dir, 'library.json'), damaged)
    await expectKbError(openLibrary(dir), 'damaged')
    const { library: opened, notice } = await openLibraryWithFallback(dir)
    expect(opened.config.name).toBe('バックアップ済みの名前')
    expect(notice).toMatch(/library\.json が壊れていたため/)
    expect(notice).toMatch(/restored from the backup/)
    const aside = (await readdir(dir)).filter((n) => n.startsWith('library.json.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(damaged)
    expect((await opened.cases.list()).cases.length).toBeGreaterThan(0)
  })

  it('keeps the damaged error when there is no good backup, changing nothing', async () => {
    const { dir } = await sample()
    await writeFile(join(dir, 'library.json'), 'not json')
    const before = await snapshotTree(dir)
    await expectKbError(openLibraryWithFallback(dir), 'damaged')
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('restores a chosen library.json backup, backing up the current one first', async () => {
    const { dir, library } = await sample()
    const first = await backupLibraryConfig(dir)
    await library.settings.update((c) => ({ ...c, name: '後の名前' }))
    await restoreLibraryConfig(dir, first!)
    expect((await library.settings.refresh()).name).not.toBe('後の名前')
    expect((await listLibraryConfigBackups(dir))[0]!.name).toBe('後の名前')
  })
})

describe('stray temp files', () => {
  it('removes temp files and staging folders older than a minute, keeping younger ones', async () => {
    const { dir } = await sample()
    const old = new Date(Date.now() - 5 * 60_000)
    const strays = [
      join(dir, '.kbtmp-aaaaaa'),
      join(dir, 'cases', ID, '.kbtmp-bbbbbb'),
      join(dir, 'cases', ID, 'attachments', '.kbtmp-cccccc'),
    ]
    await mkdir(join(dir, 'cases', ID, 'attachments'), { recursive: true })
    for (const file of strays) {
      await writeFile(file, 'half written')
      await utimes(file, old, old)
    }
    await mkdir(join(dir, 'cases', '.import-dddddd'))
    await utimes(join(dir, 'cases', '.import-dddddd'), old, old)
    await writeFile(join(dir, 'cases', ID, '.kbtmp-young1'), 'in flight')
    expect(await cleanStrayTempFiles(dir)).toBe(4)
    expect(await tempFilesUnder(dir)).toEqual([`cases/${ID}/.kbtmp-young1`])
    expect(await readdir(join(dir, 'cases'))).not.toContain('.import-dddddd')
  })

  it('cleans strays when the library is opened with openLibraryWithFallback', async () => {
    const { dir } = await sample()
    const stray = join(dir, 'cases', ID, '.kbtmp-crash1')
    await writeFile(stray, 'half')
    const old = new Date(Date.now() - 120_000)
    await utimes(stray, old, old)
    const opened = await openLibraryWithFallback(dir)
    expect(await opened.strayCleanup).toBe(1)
    expect(await tempFilesUnder(dir)).toEqual([])
  })
})
