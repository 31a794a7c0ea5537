// A recording stand-in for the `electron` module, for tests/main/start-path.test.ts. It does
// what the main process needs to get through its start (windows, IPC, protocols, dialogs, the
// app's life cycle) and records every request, so that the test can read what the built
// out/main/index.js asked Electron for. Behaviour that matters to the app is imitated where it
// is known: Chromium refuses URLs over 2 MiB, before-quit can be prevented, quitting ends the
// process. Dialog answers and the single-instance lock are scripted by the scenario runner.
import { EventEmitter } from 'node:events'
import { readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROJECT = fileURLToPath(new URL('../../..', import.meta.url))
/** Chromium's limit on URL length (url/url_constants.cc kMaxURLChars). */
const MAX_URL_CHARS = 2 * 1024 * 1024

export const record = {
  /** Every call in order, as `area.method` (plus `app.ready` when the app became ready). */
  calls: [],
  schemes: [],
  protocolHandlers: {},
  ipcHandlers: {},
  windows: [],
  messageBoxes: [],
  openDialogs: [],
  permissionHandlers: 0,
  headersListener: null,
  forwarded: [],
  quit: { requested: 0, prevented: 0, quitting: false, completed: false, exitCode: null },
}

/** Set by the scenario runner before the main process is loaded. */
export const script = {
  singleInstanceLock: true,
  /** Button labels (a substring) to press, one per message box; none left: the cancel button. */
  messageBoxAnswers: [],
  /** Folders the folder dialog returns, one per call; none left: cancelled. */
  folderAnswers: [],
  /** Calls (as recorded in `calls`) that throw, to break the start on purpose. */
  throwOn: [],
  /** Called when the app has quit (the process would end here under Electron). */
  onQuit: () => {},
}

const note = (name) => {
  record.calls.push(name)
  if (script.throwOn.includes(name)) throw new Error(`stand-in: ${name} failed`)
}

class StandInApp extends EventEmitter {
  #ready = false
  #resolveReady = () => {}
  #whenReady = new Promise((resolve) => (this.#resolveReady = resolve))
  whenReady() {
    note('app.whenReady')
    return this.#whenReady
  }
  isReady() {
    return this.#ready
  }
  /** Scenario runner: Electron has finished initialising. */
  becomeReady() {
    this.#ready = true
    note('app.ready')
    this.emit('ready')
    this.#resolveReady()
  }
  getAppPath() {
    return PROJECT
  }
  getPath(name) {
    return join(process.env.KB_APP_DATA ?? PROJECT, name)
  }
  requestSingleInstanceLock() {
    note('app.requestSingleInstanceLock')
    return script.singleInstanceLock
  }
  quit() {
    note('app.quit')
    record.quit.requested += 1
    if (record.quit.quitting) return
    for (const name of ['before-quit', 'will-quit']) {
      let prevented = false
      this.emit(name, { preventDefault: () => (prevented = true) })
      if (prevented) {
        record.quit.prevented += 1
        return
      }
    }
    this.emit('quit')
    record.quit.quitting = true
    // Closed handles leave libuv's list on the next turn of the loop; look after that, long
    // before any timer the app may have left pending (those die with the process).
    setTimeout(() => {
      record.quit.resourcesAtQuit = process.getActiveResourcesInfo()
      record.quit.completed = true
      script.onQuit()
    }, 50)
  }
  exit(code = 0) {
    note('app.exit')
    record.quit.exitCode = code
    record.quit.quitting = true
    record.quit.completed = true
    script.onQuit()
  }
}
export const app = new StandInApp()

class StandInWebContents extends EventEmitter {
  windowOpenHandler = null
  sent = []
  constructor(owner) {
    super()
    this.owner = owner
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, payload) {
    this.sent.push({ channel, type: payload?.type })
  }
  async printToPDF(options) {
    this.owner.entry.printed = options
    return Buffer.from('%PDF-1.7 stand-in')
  }
}

export class BrowserWindow extends EventEmitter {
  static #all = []
  static getAllWindows() {
    return BrowserWindow.#all.filter((w) => !w.destroyed)
  }
  static getFocusedWindow() {
    return BrowserWindow.getAllWindows().find((w) => w.focused) ?? null
  }
  destroyed = false
  focused = false
  minimized = false
  visible = false
  constructor(options = {}) {
    super()
    note('BrowserWindow.new')
    this.entry = { options, loads: [], shown: 0, focused: 0, restored: 0, destroyed: false }
    record.windows.push(this.entry)
    this.webContents = new StandInWebContents(this)
    BrowserWindow.#all.push(this)
  }
  async loadURL(url) {
    note('BrowserWindow.loadURL')
    this.entry.loads.push({ kind: 'url', url: url.slice(0, 200), length: url.length })
    if (url.length > MAX_URL_CHARS)
      throw new Error(`ERR_INVALID_URL (-300) loading '${url.slice(0, 40)}…'`)
    setImmediate(() => this.emit('ready-to-show'))
  }
  async loadFile(path) {
    note('BrowserWindow.loadFile')
    const info = await stat(path)
    this.entry.loads.push({ kind: 'file', path, size: info.size })
    setImmediate(() => this.emit('ready-to-show'))
  }
  show() {
    this.visible = true
    this.entry.shown += 1
  }
  focus() {
    this.focused = true
    this.entry.focused += 1
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
    this.entry.restored += 1
  }
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
    this.entry.destroyed = true
    this.emit('closed')
  }
  close() {
    this.destroy()
  }
}

export const ipcMain = {
  handle(channel, handler) {
    record.ipcHandlers[channel] = handler
  },
  removeHandler(channel) {
    delete record.ipcHandlers[channel]
  },
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    note('protocol.registerSchemesAsPrivileged')
    record.schemes.push({ schemes, beforeReady: !app.isReady() })
  },
  handle(scheme, handler) {
    note(`protocol.handle:${scheme}`)
    record.protocolHandlers[scheme] = handler
  },
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.css': 'text/css',
}

export const net = {
  async fetch(input, init = {}) {
    const url = typeof input === 'string' ? input : input.url
    if (url.startsWith('file:')) {
      const path = fileURLToPath(url)
      const body = await readFile(path).catch(() => null)
      if (body === null) return new Response('missing', { status: 404 })
      return new Response(body, {
        headers: { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' },
      })
    }
    record.forwarded.push({
      url,
      bypassCustomProtocolHandlers: init.bypassCustomProtocolHandlers === true,
    })
    return new Response('from the network', { status: 200 })
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      record.permissionHandlers += 1
    },
    setPermissionCheckHandler() {
      record.permissionHandlers += 1
    },
    webRequest: {
      onHeadersReceived(listener) {
        record.headersListener = listener
      },
    },
  },
}

function answer(labels, wanted) {
  const index = wanted === undefined ? -1 : labels.findIndex((label) => label.includes(wanted))
  return index
}

export const dialog = {
  async showMessageBox(windowOrOptions, maybeOptions) {
    note('dialog.showMessageBox')
    const options = maybeOptions ?? windowOrOptions
    const wanted = script.messageBoxAnswers.shift()
    const found = answer(options.buttons ?? [], wanted)
    const response = found >= 0 ? found : (options.cancelId ?? 0)
    record.messageBoxes.push({ ...options, pressed: options.buttons?.[response] })
    return { response, checkboxChecked: false }
  },
  async showOpenDialog(windowOrOptions, maybeOptions) {
    note('dialog.showOpenDialog')
    const options = maybeOptions ?? windowOrOptions
    record.openDialogs.push(options)
    const folder = script.folderAnswers.shift()
    return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] }
  },
  showErrorBox(title, content) {
    note('dialog.showErrorBox')
    record.messageBoxes.push({ title, message: content, buttons: [] })
  },
}

export const shell = {
  async openExternal(url) {
    note('shell.openExternal')
    record.calls.push(`openExternal:${url}`)
  },
}

// The sync token vault (main/electron-token-vault.ts): no keychain here, so nothing is sealed.
export const safeStorage = {
  isEncryptionAvailable() {
    note('safeStorage.isEncryptionAvailable')
    return false
  },
  encryptString() {
    throw new Error('safeStorage is not available in the stand-in')
  },
  decryptString() {
    throw new Error('safeStorage is not available in the stand-in')
  },
}

export default { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell }
