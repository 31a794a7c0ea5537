import { existsSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

// main/print-window.ts opens a second, hidden BrowserWindow to print handouts to PDF. Electron's
// checklist applies to every window, so this one must carry the same secure preferences as the
// main window, run no script, have no preload, and have its navigation locked. Electron is
// mocked (the binary is not installed); the test sees what print-window.ts asks of it.

type Listener = (...args: unknown[]) => unknown

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; instance: Record<string, unknown> }[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    readonly listeners = new Map<string, Listener[]>()
    windowOpenHandler: Listener | undefined
    readonly webContents = {
      on: (name: string, listener: Listener) => {
        this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      },
      setWindowOpenHandler: (handler: Listener) => (this.windowOpenHandler = handler),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7')),
    }
    readonly loadURL = vi.fn(async (_url: string) => undefined)
    readonly loadFile = vi.fn(async (_path: string) => undefined)
    readonly destroy = vi.fn()
    constructor(options: Record<string, unknown>) {
      electron.windows.push({ options, instance: this as unknown as Record<string, unknown> })
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    session: { defaultSession: {} },
  }
})

const { electronPrintPdf } = await import('../../main/print-window')

describe('the hidden print window (main/print-window.ts)', () => {
  it('has sandbox, contextIsolation and webSecurity on, Node and JavaScript off, and no preload', async () => {
    const pdf = await electronPrintPdf('<p>配布資料</p>')
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7')
    const { options } = electron.windows.at(-1)!
    const prefs = options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      javascript: false,
    })
    expect(prefs.preload).toBeUndefined()
    expect(options.show).toBe(false)
  })

  it('locks navigation and window.open, and destroys the window afterwards', async () => {
    await electronPrintPdf('<a href="https://evil.example">x</a>')
    const { instance } = electron.windows.at(-1)!
    const listeners = instance.listeners as Map<string, Listener[]>
    const event = { preventDefault: vi.fn() }
    for (const listener of listeners.get('will-navigate') ?? []) {
      listener(event, 'https://evil.example/')
    }
    expect(event.preventDefault).toHaveBeenCalled()
    const open = instance.windowOpenHandler as Listener
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(instance.destroy).toHaveBeenCalled()
  })

  it('loads the handout from a temporary file, never as a data: URL (Chromium refuses URLs over 2 MiB), and removes the file afterwards', async () => {
    const photo = 'x'.repeat(3 * 1024 * 1024)
    await electronPrintPdf(`<img src="data:image/png;base64,${photo}">`)
    const { instance } = electron.windows.at(-1)!
    const loadURL = instance.loadURL as ReturnType<typeof vi.fn>
    const loadFile = instance.loadFile as ReturnType<typeof vi.fn>
    expect(loadURL).not.toHaveBeenCalled()
    expect(loadFile).toHaveBeenCalledOnce()
    const [page] = loadFile.mock.calls[0] as [string]
    expect(page).toMatch(/handout\.html$/)
    expect(existsSync(page)).toBe(false)
  })
})
