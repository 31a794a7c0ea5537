import type { App, BrowserWindow } from 'electron'

/**
 * One app per user: a second launch (a second click on the shortcut, opening it from the start
 * menu while it runs) must not open a second session on the same library — two watchers, two
 * index caches and two windows saving the same cases. The second process quits at once, and the
 * first brings its window to the front. Returns whether this process is the one that runs.
 */
export function claimSingleInstance(app: App, mainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => {
    const window = mainWindow()
    if (!window || window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  return true
}
