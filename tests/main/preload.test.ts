import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KbBridge, KbEvent } from '../../common/api'

// The preload runs on import: it builds the bridge and calls contextBridge.exposeInMainWorld.
// Electron is mocked completely, so we see exactly what would reach the page as `window.kb`.

const electron = vi.hoisted(() => {
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({
      ok: true,
      value: { channel, args },
    })),
    on: vi.fn(),
    once: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
    postMessage: vi.fn(),
  }
  return { ipcRenderer, exposeInMainWorld: vi.fn() }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
}))

const { KB_EVENT_CHANNEL, KB_METHODS } = await import('../../common/api')

let exposed: Record<string, unknown>
let bridge: KbBridge

beforeAll(async () => {
  await import('../../preload/index')
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce()
  const [key, api] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>]
  expect(key).toBe('kb')
  exposed = api
  bridge = api as unknown as KbBridge
})

beforeEach(() => {
  for (const spy of Object.values(electron.ipcRenderer)) spy.mockClear()
})

describe('preload bridge', () => {
  it('exposes exactly one object, as window.kb', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce()
    expect(electron.exposeInMainWorld.mock.calls[0]![0]).toBe('kb')
  })

  it('exposes only the contract method names plus onEvent, nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...KB_METHODS, 'onEvent'].sort())
    expect(Object.getOwnPropertySymbols(exposed)).toEqual([])
    for (const value of Object.values(exposed)) expect(value).toBeTypeOf('function')
  })

  it('never exposes ipcRenderer itself or any of its functions', () => {
    const ipcValues = new Set<unknown>([
      electron.ipcRenderer,
      ...Object.values(electron.ipcRenderer),
    ])
    for (const [key, value] of Object.entries(exposed)) {
      expect(ipcValues.has(value), key).toBe(false)
    }
    for (const key of [
      'ipcRenderer',
      'invoke',
      'send',
      'sendSync',
      'on',
      'once',
      'postMessage',
      'removeListener',
    ]) {
      expect(exposed, key).not.toHaveProperty(key)
    }
    expect(Object.getPrototypeOf(exposed)).toBe(Object.prototype)
  })

  it.each(KB_METHODS)(
    '%s calls ipcRenderer.invoke with the same channel name and the args, and returns its result',
    async (method) => {
      const fn = exposed[method] as (...args: unknown[]) => Promise<unknown>
      const input = { id: 'case-1', nested: [1, 2] }
      const result = await fn('case-1', input)
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(method, 'case-1', input)
      expect(result).toEqual({ ok: true, value: { channel: method, args: ['case-1', input] } })
      expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
      expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled()
    },
  )

  it('a method called without arguments invokes its channel without arguments', async () => {
    await bridge['cases.list']()
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cases.list')
  })

  it('onEvent listens on kb:event, hands the listener only the payload (never the IPC event), and unsubscribes', () => {
    const listener = vi.fn()
    const stop = bridge.onEvent(listener)
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce()
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as [
      string,
      (...args: unknown[]) => void,
    ]
    expect(channel).toBe(KB_EVENT_CHANNEL)

    const payload: KbEvent = { type: 'library.changed', ids: ['case-1'] }
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] }
    handler(ipcEvent, payload)
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload)

    stop()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(
      KB_EVENT_CHANNEL,
      handler,
    )
  })
})
