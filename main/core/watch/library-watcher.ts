import { readdir, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { isValidId } from '../../../common/id-pattern'
import { CASES_FOLDER } from '../case-files'
import { LIBRARY_FILE } from '../library-config-store'
import { caseState, fileHash } from './case-state'
import type { EventSource } from './event-source'
import { watchFolderEvents, type FolderEventOptions } from './folder-events'
import { pollLibrary } from './poll-sweep'

export interface LibraryChange {
  /** Case ids (folder names) that appeared, changed in content, or disappeared. */
  added: string[]
  changed: string[]
  removed: string[]
  /** library.json changed in content (settings, partner types…). */
  libraryConfig: boolean
}

export interface WatchOptions {
  /** Poll instead of OS events: needed on network drives (SMB/NFS), where events are missed. */
  usePolling?: boolean
  /** Poll interval (default 1000 ms). */
  pollIntervalMs?: number
  /** Quiet time that ends a burst of events (default 300 ms). */
  debounceMs?: number
  /** A burst that never goes quiet is still reported after this long (default 3000 ms). */
  maxWaitMs?: number
  onChange: (change: LibraryChange) => void
  /** The app's own write, recognised by the content of both case files (see OwnWrites); not reported. */
  isOwnWrite?: (caseId: string, filesHash: string) => boolean
  onError?: (error: unknown) => void
  /** How OS events are had (tests: a recursive watch on Linux, a watch that runs out). */
  events?: FolderEventOptions
}

export interface LibraryWatcher {
  /** Resolves once the watcher is running and knows the current content of every case. */
  ready: Promise<void>
  close(): Promise<void>
}

/**
 * Watches a library for changes made by anyone else: other app instances, the CLI, an editor,
 * a sync tool. Events only say "look here"; at the end of a burst the watcher reads the cases
 * concerned and compares content hashes with what it knew, so identical rewrites, touches and
 * editor backup files are not reported, a save-by-rename editor is one change, and a renamed case
 * folder is removed + added. Hidden entries are ignored (.cache, .trash, .backups, temp files,
 * lock folders, import staging), and so is everything outside `cases/` and library.json.
 */
export function watchLibrary(root: string, options: WatchOptions): LibraryWatcher {
  const base = resolve(root)
  const debounceMs = options.debounceMs ?? 300
  const maxWaitMs = options.maxWaitMs ?? 3000
  const known = new Map<string, string>()
  let configHash: string | null = null
  const pending = new Set<string>()
  let pendingConfig = false
  let timer: NodeJS.Timeout | undefined
  let burstStart = 0
  let flushing: Promise<void> = Promise.resolve()
  let closed = false
  let started = false

  const segmentsOf = (path: string) => {
    const rel = relative(base, path)
    return rel === '' ? [] : rel.split(sep)
  }
  const ignored = (path: string) => {
    const parts = segmentsOf(path)
    if (parts.length === 0) return false
    if (parts.some((p) => p.startsWith('.') || p === '..')) return true
    if (parts[0] === LIBRARY_FILE) return parts.length > 1
    return parts[0] !== CASES_FOLDER || parts.length > 4
  }

  const schedule = () => {
    if (closed || !started) return
    const now = Date.now()
    if (timer === undefined) burstStart = now
    clearTimeout(timer)
    const wait = Math.max(0, Math.min(debounceMs, burstStart + maxWaitMs - now))
    timer = setTimeout(() => {
      timer = undefined
      flushing = flushing.then(flush).catch((error: unknown) => options.onError?.(error))
    }, wait)
  }

  const onEvent = (path: string) => {
    const parts = segmentsOf(path)
    if (parts[0] === LIBRARY_FILE) pendingConfig = true
    else if (parts[0] === CASES_FOLDER && parts[1] && isValidId(parts[1])) pending.add(parts[1])
    else if (parts[0] === CASES_FOLDER && parts.length === 1) {
      // The whole cases folder came or went: look at every case we know and every one there is.
      for (const id of known.keys()) pending.add(id)
      void caseIds().then((ids) => {
        ids.forEach((id) => pending.add(id))
        schedule()
      })
    } else return
    schedule()
  }

  async function caseIds(): Promise<string[]> {
    const entries = await readdir(join(base, CASES_FOLDER), { withFileTypes: true }).catch(() => [])
    return entries.filter((e) => e.isDirectory() && isValidId(e.name)).map((e) => e.name)
  }

  async function flush(): Promise<void> {
    if (closed) return
    const ids = [...pending]
    pending.clear()
    const change: LibraryChange = { added: [], changed: [], removed: [], libraryConfig: false }
    let busy = false
    for (const id of ids) {
      // A save in progress (its lock is held) writes case.md and then case.json: reading between
      // the two would report a half-done save, so look again once it has finished.
      if (
        await stat(join(base, CASES_FOLDER, id, '.lock')).then(
          () => true,
          () => false,
        )
      ) {
        pending.add(id)
        busy = true
        continue
      }
      const state = await caseState(join(base, CASES_FOLDER, id))
      const before = known.get(id)
      if (state === null) {
        // Reported even when this watcher never saw the case: the app may have created (and
        // indexed) it a moment before another program moved it away, within one burst.
        change.removed.push(id)
        known.delete(id)
        continue
      }
      known.set(id, state.hash)
      if (before === state.hash) continue
      if (options.isOwnWrite?.(id, state.filesHash)) continue
      if (before === undefined) change.added.push(id)
      else change.changed.push(id)
    }
    if (pendingConfig) {
      pendingConfig = false
      const hash = await fileHash(join(base, LIBRARY_FILE))
      change.libraryConfig = hash !== configHash
      configHash = hash
    }
    if (busy) schedule()
    const any = change.added.length + change.changed.length + change.removed.length > 0
    if (!closed && (any || change.libraryConfig)) {
      for (const list of [change.added, change.changed, change.removed]) list.sort()
      options.onChange(change)
    }
  }

  const onPath = (path: string) => {
    if (!ignored(path)) onEvent(path)
  }
  const onError = (error: unknown) => options.onError?.(error)
  const poll = () => pollLibrary(base, options.pollIntervalMs ?? 1000, { onPath, onError })
  let fallback: EventSource | null = null
  const native = options.usePolling
    ? null
    : watchFolderEvents(
        base,
        {
          onPath,
          onError,
          onFailed: (error) => {
            // Out of OS watches (a huge library, a low inotify limit) or the library's watch
            // broke: poll rather than go blind, and look at every case once, since events may
            // have been lost on the way.
            onError(error)
            if (closed || fallback) return
            fallback = poll()
            void fallback.ready.then(() => onEvent(join(base, CASES_FOLDER)))
          },
        },
        options.events,
      )
  const primary = native ?? poll()

  // The poller may have taken over meanwhile (onFailed): wait for whichever runs.
  const ready = primary.ready
    .then(() => fallback?.ready)
    .then(async () => {
      // Read after the watcher runs: a change made meanwhile is then either in what we read or
      // reported as an event, never lost between the two.
      configHash = await fileHash(join(base, LIBRARY_FILE))
      for (const id of await caseIds()) {
        const state = await caseState(join(base, CASES_FOLDER, id))
        if (state) known.set(id, state.hash)
      }
      started = true
      if (pending.size > 0 || pendingConfig) schedule()
    })

  return {
    ready,
    async close() {
      closed = true
      clearTimeout(timer)
      primary.close()
      fallback?.close()
      await flushing.catch(() => undefined)
    },
  }
}
