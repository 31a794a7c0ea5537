import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron is mocked completely: the binary is not installed, and these tests only need to see
// what window.ts asks of BrowserWindow, session, webContents and shell.

type Listener = (...args: unknown[]) => unknown

/** A stand-in for WebContents that records its listeners and window-open handler. */
class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler: Listener | undefined
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does and reports whether some listener called preventDefault(). */
  emit(name: string, ...args: unknown[]): boolean {
    const event = { preventDefault: vi.fn() }
    for (const listener of this.listeners.get(name) ?? []) listener(event, ...args)
    return event.preventDefault.mock.calls.length > 0
  }
  openWindow(url: string): unknown {
    if (!this.windowOpenHandler) throw new Error('no window open handler')
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' })
  }
}

const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; instance: unknown }[] = []
  return {
    windows,
    openExternal: vi.fn(async (_url: string) => undefined),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    onHeadersReceived: vi.fn(),
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = new FakeWebContents()
    readonly once = vi.fn()
    readonly show = vi.fn()
    readonly loadURL = vi.fn(async (_url: string) => undefined)
    constructor(options: Record<string, unknown>) {
      electron.windows.push({ options, instance: this })
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: electron.openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: electron.setPermissionRequestHandler,
        setPermissionCheckHandler: electron.setPermissionCheckHandler,
        webRequest: { onHeadersReceived: electron.onHeadersReceived },
      },
    },
  }
})

const { SECURE_WEB_PREFERENCES, createMainWindow, hardenSession, lockNavigation } =
  await import('../../main/window')
const { CONTENT_SECURITY_POLICY } = await import('../../main/security/csp')

interface CreatedWindow {
  webContents: FakeWebContents
  once: ReturnType<typeof vi.fn>
  show: ReturnType<typeof vi.fn>
  loadURL: ReturnType<typeof vi.fn>
}

function lastWindow(): { options: Record<string, unknown>; window: CreatedWindow } {
  const created = electron.windows.at(-1)
  if (!created) throw new Error('no BrowserWindow was created')
  return { options: created.options, window: created.instance as CreatedWindow }
}

function lockedContents(): FakeWebContents {
  const contents = new FakeWebContents()
  lockNavigation(contents as unknown as WebContents)
  return contents
}

const EXTERNAL_SAFE = [
  'https://example.com/',
  'https://www.city.example.lg.jp/kyodo/report.html?year=2024#top',
  'mailto:kyodo@city.example.lg.jp',
]

const EXTERNAL_UNSAFE: [label: string, url: string][] = [
  ['file:', 'file:///etc/passwd'],
  ['file: UNC share', 'file://server/share/setup.exe'],
  ['smb:', 'smb://server/share/setup.exe'],
  ['javascript:', 'javascript:alert(1)'],
  ['JaVaScRiPt:', 'JaVaScRiPt:alert(1)'],
  ['ms-settings:', 'ms-settings:privacy-webcam'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['leading space', ' https://x'],
  ['leading tab', '\thttps://x'],
  ['leading newline', '\nhttps://x'],
  ['leading NUL', '\u0000https://x'],
  ['leading C1 control', '\u0085https://x'],
  ['credentials in the URL', 'https://user:pass@host'],
  ['the app itself', 'app://kb/index.html'],
]

beforeEach(() => {
  electron.windows.length = 0
  vi.clearAllMocks()
})

describe('BrowserWindow webPreferences', () => {
  it('SECURE_WEB_PREFERENCES has sandbox, contextIsolation, webSecurity on and every Node integration, webview and insecure content off', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    })
  })

  it.each([
    ['/opt/kb/out/preload/index.cjs', 'app://kb/index.html'],
    ['/tmp/other/preload.cjs', 'http://localhost:5173/'],
  ])(
    'every BrowserWindow is created with sandbox, contextIsolation, webSecurity true, nodeIntegration (also in workers/subframes) false, webviewTag false and the given preload %s',
    (preloadPath, startUrl) => {
      createMainWindow({ preloadPath, startUrl })
      expect(electron.windows).toHaveLength(1)
      const { options } = lastWindow()
      const prefs = options.webPreferences as Record<string, unknown>
      expect(prefs).toEqual({ ...SECURE_WEB_PREFERENCES, preload: preloadPath })
      expect(prefs.sandbox).toBe(true)
      expect(prefs.contextIsolation).toBe(true)
      expect(prefs.webSecurity).toBe(true)
      expect(prefs.nodeIntegration).toBe(false)
      expect(prefs.nodeIntegrationInWorker).toBe(false)
      expect(prefs.nodeIntegrationInSubFrames).toBe(false)
      expect(prefs.webviewTag).toBe(false)
      expect(prefs.allowRunningInsecureContent).toBe(false)
      expect(prefs.preload).toBe(preloadPath)
      // Nothing that re-opens a door the checklist closes.
      for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
        expect(prefs).not.toHaveProperty(key)
      }
    },
  )

  it('every created window gets the secure preferences (several windows, none weaker)', () => {
    createMainWindow({ preloadPath: '/a/preload.cjs', startUrl: 'app://kb/index.html' })
    createMainWindow({ preloadPath: '/b/preload.cjs', startUrl: 'app://kb/index.html' })
    expect(electron.windows).toHaveLength(2)
    expect(electron.windows.map((w) => w.options.webPreferences)).toEqual([
      { ...SECURE_WEB_PREFERENCES, preload: '/a/preload.cjs' },
      { ...SECURE_WEB_PREFERENCES, preload: '/b/preload.cjs' },
    ])
  })

  it('createMainWindow locks navigation of the new window, loads startUrl and shows only when ready', () => {
    createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://kb/index.html' })
    const { options, window } = lastWindow()
    expect(options.show).toBe(false)
    expect(window.loadURL).toHaveBeenCalledWith('app://kb/index.html')
    expect(window.webContents.listeners.get('will-navigate')).toHaveLength(1)
    expect(window.webContents.windowOpenHandler).toBeTypeOf('function')
    expect(window.webContents.emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function))
    expect(window.show).not.toHaveBeenCalled()
    const [, onReady] = window.once.mock.calls[0] as [string, () => void]
    onReady()
    expect(window.show).toHaveBeenCalledOnce()
  })
})

describe('lockNavigation', () => {
  it.each([
    'app://kb/index.html',
    'app://kb/other.html',
    'http://localhost:5173/',
    'https://example.com/',
    'mailto:someone@example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
  ])(
    'will-navigate to %j is prevented (the app never navigates, even to its own origin)',
    (url) => {
      const contents = lockedContents()
      expect(contents.emit('will-navigate', url)).toBe(true)
    },
  )

  it.each(EXTERNAL_SAFE)(
    'will-navigate to the https/mailto link %j goes to shell.openExternal',
    (url) => {
      const contents = lockedContents()
      expect(contents.emit('will-navigate', url)).toBe(true)
      expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith(url)
    },
  )

  it.each(EXTERNAL_UNSAFE)(
    'will-navigate to %s (%j) is prevented and never opened externally',
    (_label, url) => {
      const contents = lockedContents()
      expect(contents.emit('will-navigate', url)).toBe(true)
      expect(electron.openExternal).not.toHaveBeenCalled()
    },
  )

  it.each(['https://example.com/', 'file:///etc/passwd', 'app://kb/index.html'])(
    'will-redirect to %j is prevented',
    (url) => {
      const contents = lockedContents()
      expect(contents.emit('will-redirect', url)).toBe(true)
      expect(electron.openExternal).not.toHaveBeenCalled()
    },
  )

  it('will-attach-webview is prevented', () => {
    const contents = lockedContents()
    const webPreferences = { nodeIntegration: true }
    expect(
      contents.emit('will-attach-webview', webPreferences, { src: 'https://evil.example/' }),
    ).toBe(true)
  })

  it.each([...EXTERNAL_SAFE, ...EXTERNAL_UNSAFE.map(([, url]) => url), 'about:blank', ''])(
    'window.open(%j) is denied',
    (url) => {
      const contents = lockedContents()
      expect(contents.openWindow(url)).toEqual({ action: 'deny' })
    },
  )

  it.each(EXTERNAL_SAFE)(
    'window.open(%j) is denied but the https/mailto link goes to shell.openExternal',
    (url) => {
      const contents = lockedContents()
      expect(contents.openWindow(url)).toEqual({ action: 'deny' })
      expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith(url)
    },
  )

  it.each(EXTERNAL_UNSAFE)(
    'window.open of %s (%j) is denied and never opened externally',
    (_label, url) => {
      const contents = lockedContents()
      expect(contents.openWindow(url)).toEqual({ action: 'deny' })
      expect(electron.openExternal).not.toHaveBeenCalled()
    },
  )
})

describe('hardenSession', () => {
  const PERMISSIONS = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'window-management',
    'unknown',
  ]

  function permissionHandlers() {
    hardenSession()
    expect(electron.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(electron.setPermissionCheckHandler).toHaveBeenCalledOnce()
    const [request] = electron.setPermissionRequestHandler.mock.calls[0] as [Listener]
    const [check] = electron.setPermissionCheckHandler.mock.calls[0] as [Listener]
    return { request, check }
  }

  it.each(PERMISSIONS)('every permission request gets callback(false): %s', (permission) => {
    const { request } = permissionHandlers()
    const callback = vi.fn()
    request({}, permission, callback, { requestingUrl: 'app://kb/index.html', isMainFrame: true })
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
  })

  it.each(PERMISSIONS)('every permission check returns false: %s', (permission) => {
    const { check } = permissionHandlers()
    expect(
      check({}, permission, 'app://kb', {
        requestingUrl: 'app://kb/index.html',
        isMainFrame: true,
      }),
    ).toBe(false)
    expect(check(null, permission, 'https://evil.example', {})).toBe(false)
  })

  function headersListener(): Listener {
    hardenSession()
    expect(electron.onHeadersReceived).toHaveBeenCalledOnce()
    const args = electron.onHeadersReceived.mock.calls[0] as unknown[]
    expect(args).toHaveLength(1) // no URL filter: every response of the session
    return args[0] as Listener
  }

  it('every response gets the CSP header, and its other headers are kept', () => {
    const listener = headersListener()
    const callback = vi.fn()
    listener(
      { url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } },
      callback,
    )
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })

  it('a response that carried a weaker CSP has it replaced by the app CSP', () => {
    const listener = headersListener()
    const callback = vi.fn()
    listener(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'Content-Security-Policy': ["default-src * 'unsafe-inline'"] },
      },
      callback,
    )
    const [{ responseHeaders }] = callback.mock.calls[0] as [
      { responseHeaders: Record<string, string[]> },
    ]
    expect(responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
  })

  it('a response without headers still gets the CSP header', () => {
    const listener = headersListener()
    const callback = vi.fn()
    listener({ url: 'app://kb/index.html' }, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('npm run dev: the dev server keeps its own dev CSP; every other response, even from a look-alike host, gets the app CSP', () => {
    hardenSession({ devOrigin: 'http://localhost:5173' })
    const [listener] = electron.onHeadersReceived.mock.calls[0] as [Listener]
    const answer = (url: string) => {
      const callback = vi.fn()
      listener({ url, responseHeaders: {} }, callback)
      return callback.mock.calls[0]![0] as { responseHeaders?: Record<string, string[]> }
    }
    expect(answer('http://localhost:5173/src/main.tsx')).toEqual({})
    for (const url of ['http://localhost:5173.evil.example/', 'app://kb/index.html']) {
      expect(answer(url).responseHeaders?.['Content-Security-Policy']).toEqual([
        CONTENT_SECURITY_POLICY,
      ])
    }
  })
})
