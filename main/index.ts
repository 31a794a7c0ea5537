import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol'
import { closeSessionOnQuit } from './close-on-quit'
import { serveDevAttachments } from './dev-attachments'
import { electronTokenVault } from './electron-token-vault'
import { forwardEvents, isAppFrame, registerIpc } from './ipc'
import { openLibrarySession, type LibrarySession } from './library-session'
import { askAfterStartFailure, pickLibraryFolder, showFatalStartError } from './native-dialogs'
import { electronPrintPdf } from './print-window'
import { claimSingleInstance } from './single-instance'
import { openStartLibrary } from './start-up'
import { createMainWindow, hardenSession } from './window'

// Assembly only: claim the single instance, open the library (asking the user when it cannot be
// opened), register IPC and the app:// protocol, open the window, close the session on quit
// (which runs the sync on close when the user asked for it).
registerAppScheme()
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
let mainWindow: BrowserWindow | null = null

if (claimSingleInstance(app, () => mainWindow)) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Only a defect in the start itself lands here (openStartLibrary never rejects): say so
      // and end the process rather than leave it running without a window.
      console.error('起動に失敗しました (start-up failed):', error)
      showFatalStartError(error)
      app.exit(1)
    })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

async function start(): Promise<void> {
  hardenSession({ devOrigin })
  const sampleDir = join(app.getAppPath(), 'data')
  const session = await openStartLibrary({
    sampleDir,
    open: (libraryDir) =>
      openLibrarySession({
        libraryDir,
        sampleDir,
        printPdf: electronPrintPdf,
        pickFolder: pickLibraryFolder,
        tokenVault: electronTokenVault,
      }),
    askAfterFailure: askAfterStartFailure,
    pickFolder: pickLibraryFolder,
  })
  if (!session) return app.quit()
  closeSessionOnQuit(app, () => session.close())
  const attachmentPath = (caseId: string, name: string) =>
    session.library().attachments.pathOf(caseId, name)
  handleAppProtocol(join(import.meta.dirname, '../renderer'), attachmentPath)
  if (devOrigin) serveDevAttachments(devOrigin, attachmentPath)
  const origins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]
  registerIpc(ipcMain, session.dispatch, isAppFrame(origins))
  openWindow(session)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(session)
  })
}

function openWindow(session: LibrarySession): void {
  const window = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
  })
  mainWindow = window
  const stop = forwardEvents(session.events, (channel, payload) =>
    window.webContents.send(channel, payload),
  )
  window.on('closed', () => {
    stop()
    if (mainWindow === window) mainWindow = null
  })
}
