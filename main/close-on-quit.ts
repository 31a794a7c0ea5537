import type { App } from 'electron'

/**
 * Closes the library session before the app quits: the pending search-cache write is flushed and
 * the folder watcher stopped. Electron does not wait for promises in `before-quit`, so the first
 * quit is held back (preventDefault), the session closed, and the quit repeated; a failure to
 * close must not keep the app from quitting.
 */
export function closeSessionOnQuit(app: App, close: () => Promise<void>): void {
  let closed = false
  let closing = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    if (closing) return
    closing = true
    void close()
      .catch(() => undefined)
      .finally(() => {
        closed = true
        app.quit()
      })
  })
}
