import type { IpcMain, WebFrameMain } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Dispatch } from '../../main/api/dispatch'
import { EventHub } from '../../main/api/events'
import type { Result } from '../../common/api'

// ipc.ts only imports Electron types, and app-protocol.ts (for APP_ORIGIN) uses net/protocol at
// call time only; the mock makes sure the real (absent) Electron binary is never loaded.
vi.mock('electron', () => ({ net: {}, protocol: {} }))

const { KB_EVENT_CHANNEL, KB_METHODS } = await import('../../common/api')
const { forwardEvents, isAppFrame, registerIpc } = await import('../../main/ipc')
const { APP_ORIGIN } = await import('../../main/app-protocol')

type Handler = (event: { senderFrame: WebFrameMain | null }, ...args: unknown[]) => Promise<unknown>

/** A stand-in for ipcMain that records every registration. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const handle = vi.fn((channel: string, handler: Handler) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    handlers.set(channel, handler)
  })
  const ipcMain = { handle, handleOnce: vi.fn(), on: vi.fn(), once: vi.fn(), addListener: vi.fn() }
  return { ipcMain: ipcMain as unknown as IpcMain, spies: ipcMain, handlers }
}

/** The origin Chromium reports as frame.origin, where app: is a registered standard scheme. */
function chromiumOrigin(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin
  } catch {
    return 'null'
  }
}

function frame(url: string, parent: unknown = null): WebFrameMain {
  return { url, origin: chromiumOrigin(url), parent } as unknown as WebFrameMain
}

const DEV_ORIGIN = 'http://localhost:5173'
const ORIGINS = [APP_ORIGIN, DEV_ORIGIN]
const TRUSTED = frame(`${DEV_ORIGIN}/index.html`)

const UNTRUSTED: [label: string, sender: WebFrameMain | null][] = [
  ['no frame (null, e.g. destroyed)', null],
  ['a subframe of the app (has a parent)', frame(`${DEV_ORIGIN}/index.html`, TRUSTED)],
  ['a subframe of another origin', frame('https://evil.example/', TRUSTED)],
  ['another origin https://evil.example', frame('https://evil.example/')],
  ['a look-alike host', frame('http://localhost.evil.example:5173/')],
  ['the right host on another port', frame('http://localhost:5174/')],
  ['the right host over another scheme', frame('https://localhost:5173/')],
  ['a file:// URL', frame('file:///etc/passwd')],
  ['a file:// URL of the app', frame('file:///opt/kb/out/renderer/index.html')],
  ['a data: URL', frame('data:text/html,<script>kb.cases.list()</script>')],
  ['about:blank', frame('about:blank')],
  ['an empty URL', frame('')],
  ['a malformed URL', frame('http://[not a url')],
  ['a relative URL', frame('/index.html')],
]

const OK: Result<unknown> = { ok: true, value: 'from dispatch' }

let dispatch: ReturnType<typeof vi.fn<Dispatch>>

beforeEach(() => {
  dispatch = vi.fn<Dispatch>(async () => OK)
})

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, and nothing else', () => {
    const { ipcMain, spies, handlers } = fakeIpcMain()
    registerIpc(ipcMain, dispatch, () => true)
    expect(spies.handle).toHaveBeenCalledTimes(KB_METHODS.length)
    expect([...handlers.keys()].sort()).toEqual([...KB_METHODS].sort())
    expect(new Set(spies.handle.mock.calls.map(([channel]) => channel)).size).toBe(
      KB_METHODS.length,
    )
    for (const other of [spies.handleOnce, spies.on, spies.once, spies.addListener]) {
      expect(other).not.toHaveBeenCalled()
    }
    expect(handlers.has(KB_EVENT_CHANNEL)).toBe(false)
  })

  it.each(UNTRUSTED)(
    'refuses an untrusted sender (%s) with {ok:false, error:{code:"invalid"}} on every method without calling dispatch',
    async (_label, sender) => {
      const { ipcMain, handlers } = fakeIpcMain()
      registerIpc(ipcMain, dispatch, isAppFrame(ORIGINS))
      for (const method of KB_METHODS) {
        const result = await handlers.get(method)!({ senderFrame: sender }, 'case-1', { id: 'x' })
        expect(result, method).toMatchObject({ ok: false, error: { code: 'invalid' } })
        expect((result as { error: { message: unknown } }).error.message).toBeTypeOf('string')
      }
      expect(dispatch).not.toHaveBeenCalled()
    },
  )

  it('asks the sender check about event.senderFrame and refuses when it says no', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const isTrusted = vi.fn(() => false)
    registerIpc(ipcMain, dispatch, isTrusted)
    const sender = frame('https://evil.example/')
    const result = await handlers.get('cases.get')!({ senderFrame: sender }, 'case-1')
    expect(isTrusted).toHaveBeenCalledExactlyOnceWith(sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it.each(KB_METHODS)(
    'passes a trusted sender’s raw args to dispatch unchanged: %s',
    async (method) => {
      const { ipcMain, handlers } = fakeIpcMain()
      registerIpc(ipcMain, dispatch, isAppFrame(ORIGINS))
      const hostile = JSON.parse('{"__proto__": {"polluted": true}, "id": "../../etc"}') as unknown
      const object = { id: 'case-1', nested: { deep: [1, 2, 3] } }
      const args = ['case-1', object, hostile, undefined, null, 42]
      const result = await handlers.get(method)!({ senderFrame: TRUSTED }, ...args)
      expect(dispatch).toHaveBeenCalledOnce()
      const [calledMethod, calledArgs] = dispatch.mock.calls[0]!
      expect(calledMethod).toBe(method)
      expect(calledArgs).toEqual(args)
      const received = calledArgs as unknown[]
      expect(received).toHaveLength(args.length)
      args.forEach((arg, i) => expect(received[i]).toBe(arg)) // same values, not copies
      expect(result).toBe(OK)
    },
  )

  it('passes an empty argument list for a call without arguments', async () => {
    const { ipcMain, handlers } = fakeIpcMain()
    registerIpc(ipcMain, dispatch, isAppFrame(ORIGINS))
    await handlers.get('cases.list')!({ senderFrame: TRUSTED })
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('cases.list', [])
  })
})

describe('isAppFrame', () => {
  const check = isAppFrame(ORIGINS)

  it.each([`${DEV_ORIGIN}/`, `${DEV_ORIGIN}/index.html`, `${DEV_ORIGIN}/deep/path?q=1#hash`])(
    'accepts the top frame of an app origin, whatever the path: %s',
    (url) => {
      expect(check(frame(url))).toBe(true)
    },
  )

  it.each(UNTRUSTED)('refuses %s', (_label, sender) => {
    expect(check(sender)).toBe(false)
  })

  it('refuses everything when no origin is trusted', () => {
    expect(isAppFrame([])(TRUSTED)).toBe(false)
  })

  // Node's URL parser reports the origin of app:// URLs as "null"; the check must use the
  // frame's own (Chromium-computed) origin so the packaged app's page is accepted.
  it('accepts the packaged app’s own top frame app://kb/index.html', () => {
    expect(check(frame(`${APP_ORIGIN}/index.html`))).toBe(true)
  })
})

describe('forwardEvents', () => {
  it('sends every library event on the kb:event channel until unsubscribed', () => {
    const events = new EventHub()
    const send = vi.fn()
    const stop = forwardEvents(events, send)
    events.emit({ type: 'library.changed', ids: ['case-1'] })
    expect(send).toHaveBeenCalledExactlyOnceWith(KB_EVENT_CHANNEL, {
      type: 'library.changed',
      ids: ['case-1'],
    })
    stop()
    events.emit({ type: 'library.changed', ids: ['case-2'] })
    expect(send).toHaveBeenCalledOnce()
  })
})
