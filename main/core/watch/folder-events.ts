import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { isValidId } from '../../../common/id-pattern'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { CASES_FOLDER } from '../case-files'
import { LIBRARY_FILE } from '../library-config-store'
import { isWatchLimit, type EventHandlers, type EventSource } from './event-source'

/** Where fs.watch follows a whole tree with one OS handle (ReadDirectoryChangesW, FSEvents). */
const RECURSIVE_PLATFORMS = new Set<string>(['win32', 'darwin'])
/** fs.watch as this module calls it; tests hand in one that runs out of watches. */
export type WatchFolder = (
  path: string,
  options: { recursive?: boolean },
  listener: (event: string, name: string | null) => void,
) => FSWatcher

export interface FolderEventOptions {
  /** One recursive watch of the whole library (default: on Windows and macOS). */
  recursive?: boolean
  watchFolder?: WatchFolder
}

/** Watches opened per turn of the event loop while starting, so the UI's calls keep flowing. */
const OPEN_WAVE = 500

/**
 * OS change events for a library. Windows and macOS watch the whole folder with one recursive
 * handle. Linux has no recursive inotify (Node's own emulation stats every file), so there the
 * library root, cases/, each case folder and each attachments folder get one plain watch: a
 * directory watch reports its entries' writes, and about 10,000 of them cost a few MB where a
 * watch per file and folder cost ≈140 MB. Folders that come and go are followed through the
 * events of their parent, and a watch is (re)opened inside that event's handler, before the
 * watcher reads the folder, so nothing written into a new folder is missed.
 */
export function watchFolderEvents(
  base: string,
  handlers: EventHandlers,
  options: FolderEventOptions = {},
): EventSource {
  const watchFolder = options.watchFolder ?? watch
  return (options.recursive ?? RECURSIVE_PLATFORMS.has(process.platform))
    ? watchRecursively(base, handlers, watchFolder)
    : watchFolderByFolder(base, handlers, watchFolder)
}

function watchRecursively(
  base: string,
  handlers: EventHandlers,
  watchFolder: WatchFolder,
): EventSource {
  let watcher: FSWatcher | null = null
  const failed = (error: unknown) => {
    // Node closes a watch that reported an error: without it nothing more would be seen.
    watcher?.close()
    watcher = null
    handlers.onFailed(error)
  }
  try {
    watcher = watchFolder(base, { recursive: true }, (_event, name) =>
      // No name (some platforms, on overflow): look at every case.
      handlers.onPath(name ? join(base, name) : join(base, CASES_FOLDER)),
    )
    watcher.on('error', failed)
  } catch (error) {
    failed(error)
  }
  return { ready: Promise.resolve(), close: () => watcher?.close() }
}

function watchFolderByFolder(
  base: string,
  handlers: EventHandlers,
  watchFolder: WatchFolder,
): EventSource {
  const casesDir = join(base, CASES_FOLDER)
  const cases = new Map<string, FSWatcher>()
  const attachments = new Map<string, FSWatcher>()
  let casesWatcher: FSWatcher | null = null
  let rootWatcher: FSWatcher | null = null
  let closed = false

  const close = () => {
    closed = true
    rootWatcher?.close()
    casesWatcher?.close()
    for (const w of [...cases.values(), ...attachments.values()]) w.close()
    cases.clear()
    attachments.clear()
  }
  const failed = (error: unknown) => {
    if (closed) return
    close()
    handlers.onFailed(error)
  }

  /**
   * A watch on one folder, or null when it is gone. When the OS refuses more watches, or the
   * `vital` watch of the library root fails (Node then closes it), all is closed and handed over.
   */
  const open = (
    folder: string,
    onName: (name: string | null) => void,
    vital = false,
  ): FSWatcher | null => {
    if (closed) return null
    try {
      const watcher = watchFolder(folder, {}, (_event, name) => {
        if (!closed) onName(name)
      })
      watcher.on('error', (error) => (vital || isWatchLimit(error) ? failed(error) : undefined))
      return watcher
    } catch (error) {
      if (vital || isWatchLimit(error)) failed(error)
      return null
    }
  }
  const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory()

  const syncAttachments = (id: string) => {
    attachments.get(id)?.close()
    attachments.delete(id)
    const folder = join(casesDir, id, ATTACHMENTS_FOLDER)
    if (!isFolder(folder)) return
    const watcher = open(folder, (name) => handlers.onPath(name ? join(folder, name) : folder))
    if (watcher) attachments.set(id, watcher)
  }

  // Reopened on every event of the folder's own entry: after a rename the old watch follows the
  // moved folder, and a new folder of the same name needs its own.
  const syncCase = (id: string) => {
    cases.get(id)?.close()
    cases.delete(id)
    const folder = join(casesDir, id)
    if (!isFolder(folder)) {
      attachments.get(id)?.close()
      attachments.delete(id)
      return
    }
    const watcher = open(folder, (name) => {
      handlers.onPath(name ? join(folder, name) : folder)
      if (name === ATTACHMENTS_FOLDER || name === null) syncAttachments(id)
    })
    if (!watcher) return
    cases.set(id, watcher)
    syncAttachments(id)
  }

  const onCasesEntry = (name: string | null) => {
    if (name === null) return void syncAllCases(true)
    handlers.onPath(join(casesDir, name))
    if (isValidId(name)) syncCase(name)
  }

  /**
   * Opens every case's watch afresh: at start, and when cases/ itself came, went or overflowed
   * (a replaced cases/ may hold folders of the old names, whose watches followed the old folders
   * away). Only then is cases/ named, so that the watcher's look at every case comes after all
   * watches are open. A newer call takes over from one still opening.
   */
  let generation = 0
  async function syncAllCases(announce: boolean): Promise<void> {
    const mine = ++generation
    casesWatcher?.close()
    casesWatcher = isFolder(casesDir) ? open(casesDir, onCasesEntry) : null
    for (const w of [...cases.values(), ...attachments.values()]) w.close()
    cases.clear()
    attachments.clear()
    await inTurns(caseFolderNames(casesDir), (id) => {
      if (!closed && mine === generation) syncCase(id)
    })
    if (announce && !closed && mine === generation) handlers.onPath(casesDir)
  }

  rootWatcher = open(
    base,
    (name) => {
      if (name === null || name === CASES_FOLDER) void syncAllCases(true)
      else if (name === LIBRARY_FILE) handlers.onPath(join(base, LIBRARY_FILE))
    },
    true,
  )
  return { ready: syncAllCases(false), close }
}

function caseFolderNames(casesDir: string): string[] {
  try {
    return readdirSync(casesDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && isValidId(e.name))
      .map((e) => e.name)
  } catch {
    return []
  }
}

/** Runs `work` over `items`, OPEN_WAVE per turn of the event loop. */
async function inTurns<T>(items: readonly T[], work: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i += OPEN_WAVE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    items.slice(i, i + OPEN_WAVE).forEach(work)
  }
}
