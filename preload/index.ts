import { contextBridge, ipcRenderer } from 'electron'
import { KB_EVENT_CHANNEL, KB_METHODS, type KbBridge, type KbEvent } from '../common/api'

// Named methods only: one function per entry of the contract's table, never ipcRenderer itself.
const methods = Object.fromEntries(
  KB_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(method, ...args)]),
)

const bridge = {
  ...methods,
  onEvent(listener: (event: KbEvent) => void) {
    const handler = (_event: unknown, payload: KbEvent) => listener(payload)
    ipcRenderer.on(KB_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(KB_EVENT_CHANNEL, handler)
    }
  },
} as KbBridge

contextBridge.exposeInMainWorld('kb', bridge)
