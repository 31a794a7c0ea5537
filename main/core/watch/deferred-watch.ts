import type { LibraryWatcher } from './library-watcher'

/**
 * A watcher started only once `after` settles. The session starts the folder watcher after the
 * search index has opened: its first look at a 10,000-case library (a watch per folder, then a
 * hash of every case's files) takes seconds, partly on the same thread, and delaying search by
 * that long helps nobody. Nothing is missed meanwhile: once
 * the watcher runs, the index compares every case's size and mtime with what it holds
 * (LibrarySearchIndex.revalidate), and from then on the watcher reports each change.
 */
export function watchAfter(after: Promise<unknown>, start: () => LibraryWatcher): LibraryWatcher {
  let closed = false
  const started = after.catch(() => undefined).then(() => (closed ? null : start()))
  return {
    ready: started.then((watcher) => watcher?.ready),
    async close() {
      closed = true
      const watcher = await started.catch(() => null)
      await watcher?.close()
    },
  }
}
