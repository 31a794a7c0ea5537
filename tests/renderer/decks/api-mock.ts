import { vi } from 'vitest'
import type { KbEvent, KbMethod } from '../../../common/api'

type Handler = (...args: never[]) => unknown

/**
 * A stand-in for the renderer's `api`: each test sets what a method answers (`answer`), reads
 * what was called (`calls`), and can push events to the subscribed components (`emit`).
 */
export function createApiMock() {
  const handlers = new Map<KbMethod, Handler>()
  const listeners = new Set<(event: KbEvent) => void>()
  const call = vi.fn(async (method: KbMethod, ...args: unknown[]) => {
    const handler = handlers.get(method)
    if (!handler)
      return { ok: false, error: { code: 'invalid', message: `no answer for ${method}` } }
    return (handler as (...a: unknown[]) => unknown)(...args)
  })
  return {
    api: {
      call,
      onEvent: vi.fn((listener: (event: KbEvent) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      }),
      attachmentUrl: (caseId: string, name: string) => `/attachments/${caseId}/${name}`,
    },
    answer(method: KbMethod, handler: Handler) {
      handlers.set(method, handler)
    },
    /** The arguments of every call of `method`, oldest first. */
    calls(method: KbMethod): unknown[][] {
      return call.mock.calls.filter(([m]) => m === method).map(([, ...args]) => args)
    },
    emit(event: KbEvent) {
      for (const listener of listeners) listener(event)
    },
    reset() {
      handlers.clear()
      listeners.clear()
      call.mockClear()
    },
  }
}

export const ok = <T>(value: T) => ({ ok: true as const, value })
export const fail = (code: string, message: string) => ({
  ok: false as const,
  error: { code, message },
})

/** jsdom has <dialog> but not its modal API; stand in for it so dialogs open as in Chromium. */
export function installDialogPolyfill() {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}
