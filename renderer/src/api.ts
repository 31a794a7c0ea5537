import {
  KB_METHODS,
  type KbApi,
  type KbBridge,
  type KbEvent,
  type KbMethod,
} from '../../common/api'
import { deadlineOf, withDeadline } from './api-deadline'

declare global {
  interface Window {
    kb?: KbBridge
  }
}

/**
 * The renderer's only door to the library. Under Electron it is the preload's `window.kb`;
 * in a browser (the web host) the same methods go over HTTP with the token from the page URL.
 * Components use `api` and never touch either transport.
 */
export interface RendererApi {
  call<M extends KbMethod>(method: M, ...args: Parameters<KbApi[M]>): ReturnType<KbApi[M]>
  onEvent(listener: (event: KbEvent) => void): () => void
  /** URL of a case attachment, for <img src> and downloads. */
  attachmentUrl(caseId: string, name: string): string
  /** Whether `library.pickFolder` shows a folder dialog here (the desktop app, not a browser). */
  nativeFolderDialog: boolean
}

function electronApi(bridge: KbBridge): RendererApi {
  return {
    call: ((method: KbMethod, ...args: unknown[]) =>
      withDeadline(deadlineOf(method), () =>
        (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args),
      )) as RendererApi['call'],
    onEvent: (listener) => bridge.onEvent(listener),
    attachmentUrl: (caseId, name) =>
      `/attachments/${encodeURIComponent(caseId)}/${encodeURIComponent(name)}`,
    nativeFolderDialog: true,
  }
}

function httpApi(token: string): RendererApi {
  // One event stream per page, shared by every subscriber: browsers allow only six connections
  // per host, and a stream per component would starve a second tab.
  const listeners = new Set<(event: KbEvent) => void>()
  let source: EventSource | null = null
  return {
    call: ((method: KbMethod, ...args: unknown[]) => {
      if (!KB_METHODS.includes(method)) throw new Error(`unknown method ${method}`)
      return withDeadline(deadlineOf(method), (signal) =>
        fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ args }),
          signal,
        }).then(async (response) => {
          if (!response.ok) {
            return {
              ok: false,
              error: { code: 'io', message: `HTTP ${response.status}: ${await response.text()}` },
            }
          }
          return response.json() as Promise<unknown>
        }),
      )
    }) as RendererApi['call'],
    onEvent(listener) {
      listeners.add(listener)
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
        source.onmessage = (message) => {
          const event = JSON.parse(message.data as string) as KbEvent
          for (const each of [...listeners]) each(event)
        }
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
    attachmentUrl: (caseId, name) =>
      `/attachments/${encodeURIComponent(caseId)}/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`,
    // A browser cannot hand a folder's path to the page: the user types it.
    nativeFolderDialog: false,
  }
}

function createApi(): RendererApi {
  if (window.kb) return electronApi(window.kb)
  const token = new URLSearchParams(window.location.search).get('token') ?? ''
  return httpApi(token)
}

export const api: RendererApi = createApi()
