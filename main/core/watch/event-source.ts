/**
 * Where the library watcher's "look here" hints come from: OS events (folder-events.ts) or a
 * periodic sweep of the files' stats (poll-sweep.ts). A source only names paths that may have
 * changed; the watcher decides what really changed by reading content, so a source may report
 * too much, never too little.
 */
export interface EventSource {
  /** Resolves once every change from now on will be reported. */
  ready: Promise<void>
  close(): void
}

export interface EventHandlers {
  /** An absolute path under the library root that may have changed. */
  onPath: (path: string) => void
  onError: (error: unknown) => void
  /**
   * The OS refused more watches (inotify's limit, too many open handles) or a watch that
   * everything hangs on failed: the source has closed itself, and the watcher carries on by
   * polling.
   */
  onFailed: (error: unknown) => void
}

/** Errors meaning "no more watches can be had", as opposed to a path that vanished. */
export function isWatchLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE'
}
