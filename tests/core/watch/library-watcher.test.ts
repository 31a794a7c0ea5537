import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import { OwnWrites } from '../../../main/core/watch/own-writes'
import {
  watchLibrary,
  type LibraryChange,
  type LibraryWatcher,
  type WatchOptions,
} from '../../../main/core/watch/library-watcher'
import { copySample, inputOf, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()
const open: LibraryWatcher[] = []
/** What the watchers reported through onError: named when a wait times out. */
const watcherErrors: unknown[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()))
  watcherErrors.length = 0
})

/** Polls `check` until it passes or `timeoutMs` runs out (no fixed sleeps). */
async function waitFor(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) {
      // Native events stop when the user's inotify watches or instances run out (ENOSPC, EMFILE:
      // other programs watching large trees); say so instead of a bare timeout.
      const errors = watcherErrors.map(String).join('; ')
      throw new Error(`timed out waiting for the watcher${errors ? ` (errors: ${errors})` : ''}`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function start(options: Partial<WatchOptions> = {}) {
  const dir = await copySample(await temp.make())
  const changes: LibraryChange[] = []
  const watcher = watchLibrary(dir, {
    debounceMs: 120,
    onChange: (c) => changes.push(c),
    onError: (error) => watcherErrors.push(error),
    ...options,
  })
  open.push(watcher)
  await watcher.ready
  const seen = (kind: 'added' | 'changed' | 'removed', id: string) =>
    changes.some((c) => c[kind].includes(id))
  const all = (kind: 'added' | 'changed' | 'removed') => changes.flatMap((c) => c[kind])
  /** A real change to another case, then wait for it: everything before it has been processed. */
  const sentinel = async () => {
    const file = join(dir, 'cases', 'kenko-point', 'case.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\n追記 ${Date.now()}\n`)
    await waitFor(() => seen('changed', 'kenko-point'))
  }
  return { dir, changes, seen, all, sentinel }
}

const caseJson = (id: string, title: string) =>
  JSON.stringify({
    schema: 1,
    id,
    title,
    partnerTypes: ['npo'],
    status: 'draft',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
  })

describe('library watcher', () => {
  it('reports a case added by someone else', async () => {
    const w = await start()
    const folder = join(w.dir, 'cases', 'gaibu-tsuika')
    await mkdir(folder)
    await writeFile(join(folder, 'case.md'), '本文\n')
    await writeFile(join(folder, 'case.json'), caseJson('gaibu-tsuika', '外部で追加'))
    await waitFor(() => w.seen('added', 'gaibu-tsuika'))
    expect(w.all('changed')).not.toContain('gaibu-tsuika')
  })

  it('reports an external edit of case.md once at the end of a burst of writes', async () => {
    // A long quiet time, so that a loaded test machine does not split the burst.
    const w = await start({ debounceMs: 500 })
    const file = join(w.dir, 'cases', 'akiya-taisaku-kyotei', 'case.md')
    for (let i = 0; i < 10; i++) await writeFile(file, `版 ${i}\n`)
    await waitFor(() => w.seen('changed', 'akiya-taisaku-kyotei'))
    await w.sentinel()
    expect(w.all('changed').filter((id) => id === 'akiya-taisaku-kyotei')).toHaveLength(1)
  })

  it('reports a save-by-rename editor (temp file renamed over case.md) as one change', async () => {
    const w = await start()
    const folder = join(w.dir, 'cases', 'akiya-taisaku-kyotei')
    await writeFile(join(folder, 'case.md.tmp-4913'), '別のエディタで保存\n')
    await rename(join(folder, 'case.md.tmp-4913'), join(folder, 'case.md'))
    await waitFor(() => w.seen('changed', 'akiya-taisaku-kyotei'))
    await w.sentinel()
    expect(w.all('removed')).toEqual([])
    expect(w.all('added')).toEqual([])
  })

  it('reports a renamed case folder as removed + added, and a deleted one as removed', async () => {
    const w = await start()
    const cases = join(w.dir, 'cases')
    await rename(join(cases, 'akiya-taisaku-kyotei'), join(cases, 'akiya-renamed'))
    await rm(join(cases, 'sogyo-shien'), { recursive: true })
    await waitFor(
      () =>
        w.seen('removed', 'akiya-taisaku-kyotei') &&
        w.seen('added', 'akiya-renamed') &&
        w.seen('removed', 'sogyo-shien'),
    )
  })

  it('does not report an identical rewrite, a touch, or writes to hidden folders and temp files', async () => {
    const w = await start()
    const folder = join(w.dir, 'cases', 'akiya-taisaku-kyotei')
    for (const name of ['case.json', 'case.md']) {
      await writeFile(join(folder, name), await readFile(join(folder, name)))
    }
    await mkdir(join(w.dir, '.cache'), { recursive: true })
    await writeFile(join(w.dir, '.cache', 'index.json'), '{}')
    await mkdir(join(w.dir, '.trash', 'x~1'), { recursive: true })
    await writeFile(join(folder, '.kbtmp-abc123'), 'half')
    await mkdir(join(folder, '.lock'))
    await w.sentinel()
    expect(w.changes.flatMap((c) => [...c.added, ...c.changed, ...c.removed])).toEqual([
      'kenko-point',
    ])
  })

  it('does not report the app’s own saves noted in OwnWrites, but does report library.json edits', async () => {
    const own = new OwnWrites()
    const w = await start({ isOwnWrite: own.isOwnWrite })
    const library = await openLibrary(w.dir)
    const doc = await library.cases.get('akiya-taisaku-kyotei')
    const saved = await library.cases.save({
      id: doc.meta.id,
      meta: { ...inputOf(doc.meta), title: 'アプリで保存' },
      body: doc.body,
      baseRevision: doc.meta.revision,
    })
    own.noteDoc(saved)
    await library.settings.update((c) => ({ ...c, name: '名前を変更' }))
    await waitFor(() => w.changes.some((c) => c.libraryConfig))
    await w.sentinel()
    expect(w.all('changed')).toEqual(['kenko-point'])
  })

  it('notices changes by polling, as on a network drive', async () => {
    const w = await start({ usePolling: true, pollIntervalMs: 100 })
    await writeFile(join(w.dir, 'cases', 'sogyo-shien', 'case.md'), '共有ドライブ上の編集\n')
    await waitFor(() => w.seen('changed', 'sogyo-shien'))
  })
})
