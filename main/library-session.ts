import { mkdir, stat } from 'node:fs/promises'
import type { KbApi } from '../common/api'
import type { LibraryInfo } from '../common/model'
import type { PrintPdf } from './api/deck-service'
import type { PickFolder } from './api/folder-picker-service'
import { createDispatch, type Dispatch } from './api/dispatch'
import { EventHub } from './api/events'
import { LibrarySearchIndex } from './api/search-index'
import { createKbService } from './api/service'
import { scheduleSync, type SyncScheduler } from './api/sync-scheduler'
import { createSyncService } from './api/sync-service'
import { SyncSettingsStore, plainTokenVault, type TokenVault } from './api/sync-settings-store'
import { openLibraryWithFallback } from './core/backup/library-fallback'
import { seedSampleLibrary, type Library } from './core/library'
import { RecentLibraries } from './core/recent-libraries'
import { indexFolderFor } from './core/search/index-location'
import { appDataFolder, defaultLibraryFolder } from './core/user-paths'
import { watchAfter } from './core/watch/deferred-watch'
import { watchLibrary, type LibraryWatcher } from './core/watch/library-watcher'
import { OwnWrites } from './core/watch/own-writes'

export interface LibrarySession {
  library: () => Library
  index: () => LibrarySearchIndex
  events: EventHub
  service: KbApi
  dispatch: Dispatch
  /** Resolves once the current library's index is open and its watcher (if any) runs. */
  ready(): Promise<void>
  /**
   * Stops watching the library and releases its search index (on quit). Safe to call more
   * than once: later calls wait for the first.
   */
  close(): Promise<void>
}

export interface SessionOptions {
  /** The library folder; the user's default library when absent. */
  libraryDir?: string
  /** The bundled sample library, copied into the default library on first start. */
  sampleDir: string
  /** Where the user's own app data (recent libraries) lives; the platform's folder by default. */
  appData?: string
  /** How deck handouts become PDF in this door (Electron's printToPDF, or Chromium). */
  printPdf?: PrintPdf
  /** The system's folder dialog, in the desktop app only. */
  pickFolder?: PickFolder
  /** Watch the folder for changes by others (default on; tests of single writers turn it off). */
  watch?: boolean
  /** How sync tokens are sealed (Electron: safeStorage); plain in the user's app data otherwise. */
  tokenVault?: TokenVault
}

/** The library in use, with what belongs to it for as long as it is open. */
interface OpenLibrary {
  library: Library
  index: LibrarySearchIndex
  watcher: LibraryWatcher | null
  /** The index is open and checked against the files as the watcher first saw them. */
  ready: Promise<void>
  /** A message for the user from opening it (e.g. library.json restored from a backup). */
  notice?: string
}

/**
 * Opens the library and builds the services over it: what the desktop app, the web host and the
 * tests share. The default library is seeded from the sample the first time, so a new user sees
 * a living library at once; a folder named explicitly is opened as it is (or created if empty).
 * Changes made by others (another PC on the shared drive, an external editor) are watched and
 * reach the index and every window. The user can switch to another library later.
 */
export async function openLibrarySession(options: SessionOptions): Promise<LibrarySession> {
  const dir = options.libraryDir ?? defaultLibraryFolder()
  // KB_LIBRARY names a library an administrator set up (often on a shared drive): it is opened as
  // it is, never seeded with the sample, and never created when it is missing, so that an
  // unreachable share is reported instead of being replaced by a fresh local folder.
  const fromEnvironment = !options.libraryDir && Boolean(process.env.KB_LIBRARY)
  if (!options.libraryDir && !fromEnvironment) await seedSampleLibrary(options.sampleDir, dir)
  const appData = options.appData ?? appDataFolder()
  await mkdir(appData, { recursive: true })
  const recent = new RecentLibraries(appData)
  const events = new EventHub()
  const ownWrites = new OwnWrites()

  async function open(path: string, create: boolean): Promise<OpenLibrary> {
    const { library, notice } = await openLibraryWithFallback(path, { create })
    // The index is the user's (app data), never written into the library folder.
    const index = new LibrarySearchIndex(
      library,
      events,
      indexFolderFor(appData, library.root),
      ownWrites,
    )
    const watcher =
      options.watch === false
        ? null
        : watchAfter(index.whenReady(), () =>
            watchLibrary(library.root, {
              // Network shares often send no change events; poll them instead.
              usePolling: process.env.KB_WATCH_POLLING === '1' || /^(\\\\|\/\/)/.test(library.root),
              isOwnWrite: ownWrites.isOwnWrite,
              onChange: (change) => {
                const ids = [...change.added, ...change.changed, ...change.removed]
                const settings = change.libraryConfig
                  ? library.settings.refresh()
                  : Promise.resolve()
                void Promise.all([index.refresh(ids, false), settings])
                  .catch(() => undefined)
                  .then(() => events.emit({ type: 'library.changed', ids, external: true }))
              },
              onError: () => undefined,
            }),
          )
    // Whatever changed between the index's open and the watcher's first look is caught here.
    const ready = watcher
      ? Promise.all([watcher.ready, index.whenReady()]).then(async () => {
          const stale = await index.revalidate()
          if (stale.length > 0) events.emit({ type: 'library.changed', ids: stale, external: true })
        })
      : index.whenReady()
    ready.catch(() => undefined)
    await recent.remember({
      path: library.root,
      name: library.config.name,
      openedAt: new Date().toISOString(),
    })
    return { library, index, watcher, ready, notice }
  }

  async function closeCurrent(): Promise<void> {
    await current.watcher?.close()
    await current.index.flush()
  }

  let current = await open(dir, fromEnvironment ? await isExistingFolder(dir) : true)
  let closing: Promise<void> | null = null

  async function switchTo(path: string): Promise<LibraryInfo> {
    // A mistyped path must not create folders on a shared drive: only an existing folder opens
    // (and only an empty one becomes a new library).
    const next = await open(path, await isExistingFolder(path))
    await closeCurrent()
    current = next
    events.emit({ type: 'library.opened', path: next.library.root })
    return info()
  }

  async function info(): Promise<LibraryInfo> {
    const base = await current.library.info()
    return current.notice ? { ...base, notice: current.notice } : base
  }

  const library = () => current.library
  const syncSettings = new SyncSettingsStore(appData, options.tokenVault ?? plainTokenVault)
  let scheduler: SyncScheduler | null = null
  const service = createKbService({
    library,
    info,
    index: () => current.index,
    ownWrites,
    events,
    switchTo,
    recent: () => recent.list(),
    printPdf: options.printPdf,
    pickFolder: options.pickFolder,
    sync: (changed) => {
      const sync = createSyncService({ library, settings: syncSettings, events, changed, switchTo })
      scheduler = scheduleSync({ library, settings: syncSettings, run: sync.runSync })
      return sync
    },
  })
  return {
    library,
    index: () => current.index,
    events,
    service,
    dispatch: createDispatch(service),
    ready: () => current.ready,
    // Sync on close (when the user asked for it) runs once, before the library closes.
    close: () =>
      (closing ??= (async () => {
        await scheduler?.beforeClose()
        await closeCurrent()
      })()),
  }
}

async function isExistingFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}
