import { BrowserWindow, session, shell, type WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security/csp'
import { isSafeExternalUrl } from './security/external-url'

export interface WindowOptions {
  preloadPath: string
  /** The URL the app is served from: app://kb/index.html, or the dev server in `npm run dev`. */
  startUrl: string
}

/** Every window's webPreferences: Electron's security checklist, all switched on. */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const

/**
 * Applies the session-wide rules once: every permission request (camera, notifications,
 * geolocation…) is denied, and every response carries the app's CSP.
 *
 * `devOrigin` (`npm run dev` only): the dev server's own responses keep the dev CSP the server
 * sends itself, as header and meta tag (scripts/vite/dev-csp.ts). The production CSP would block
 * the inline preamble that React's fast refresh needs, and the window would stay blank.
 */
export function hardenSession(options: { devOrigin?: string } = {}): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const { devOrigin } = options
    if (devOrigin && details.url.startsWith(`${devOrigin}/`)) return callback({})
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/**
 * Locks navigation of a window's contents: the app never navigates away from itself, never
 * opens windows, never attaches a <webview>; an http(s)/mailto link the user clicks goes to the
 * system browser or mail program instead.
 */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    openExternally(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
}

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: '協働ナレッジベース',
    backgroundColor: '#f7f7f5',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  })
  lockNavigation(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.startUrl)
  return window
}
