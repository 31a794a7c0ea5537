import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol'
import { forwardEvents, isAppFrame, registerIpc } from './ipc'
import { openLibrarySession } from './library-session'
import { electronTokenVault } from './electron-token-vault'
import { electronPrintPdf } from './print-window'
import { createMainWindow, hardenSession } from './window'

// Assembly only: open the library, build the services, register IPC, open the window.
registerAppScheme()
const devServerUrl = process.env.ELECTRON_RENDERER_URL

app.whenReady().then(async () => {
  hardenSession()
  const session = await openLibrarySession({
    sampleDir: join(app.getAppPath(), 'data'),
    printPdf: electronPrintPdf,
    tokenVault: electronTokenVault,
  })
  // Sync on close (when the user asked for it) runs once before the app quits.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void session.close().finally(() => app.quit())
  })
  handleAppProtocol(join(import.meta.dirname, '../renderer'), (caseId, name) =>
    session.library().attachments.pathOf(caseId, name),
  )
  const origins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN]
  registerIpc(ipcMain, session.dispatch, isAppFrame(origins))
  const openWindow = () => {
    const window = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    })
    const stop = forwardEvents(session.events, (channel, payload) =>
      window.webContents.send(channel, payload),
    )
    window.on('closed', stop)
  }
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
