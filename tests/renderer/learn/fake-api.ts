import { vi } from 'vitest'
import type { KbApi, KbMethod } from '../../../common/api'
import { api } from '../../../renderer/src/api'

type Handler<M extends KbMethod> = (...args: Parameters<KbApi[M]>) => unknown

/**
 * Makes the mocked `api.call` answer each method with `{ok: true, value}` from its handler
 * (a handler may return a whole envelope with `ok: false` to fail). Returns the mock.
 */
export function answer(handlers: { [M in KbMethod]?: Handler<M> }) {
  const call = vi.mocked(api.call)
  call.mockImplementation(((method: KbMethod, ...args: unknown[]) => {
    const handler = handlers[method] as ((...a: unknown[]) => unknown) | undefined
    if (!handler) return Promise.resolve({ ok: false, error: { code: 'io', message: method } })
    const value = handler(...args)
    if (value && typeof value === 'object' && 'ok' in value) return Promise.resolve(value)
    return Promise.resolve({ ok: true, value })
  }) as typeof api.call)
  return call
}

/** The arguments of every call of one method so far. */
export function callsOf(method: KbMethod): unknown[][] {
  return vi
    .mocked(api.call)
    .mock.calls.filter(([m]) => m === method)
    .map(([, ...args]) => args)
}
