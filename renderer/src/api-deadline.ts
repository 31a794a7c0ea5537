import type { ApiError, KbMethod } from '../../common/api'
import { translateNow } from './i18n/i18n'

/**
 * Every API call ends: a back end that is gone (the web host stopped, the network share's host
 * asleep) must not leave a button on 「保存しています…」 forever. A call that throws (fetch's
 * "Failed to fetch") or does not answer in time becomes an ordinary error envelope with a
 * message in the user's language, so every screen shows it the way it shows any other failure.
 */

/** Ordinary calls: reads and saves answer in well under a second on a healthy library. */
export const DEFAULT_DEADLINE_MS = 15_000
/** Exports, imports and opening a library read or write many files, on shared drives too. */
const LONG_DEADLINE_MS = 10 * 60_000
const LONG_RUNNING = /^(decks\.export|exchange\.|import\.|library\.open|attachments\.add|sync\.)/

/** How long `method` may take, in ms; null when it waits for the user (a folder dialog). */
export function deadlineOf(method: KbMethod | string): number | null {
  if (method === 'library.pickFolder') return null
  return LONG_RUNNING.test(method) ? LONG_DEADLINE_MS : DEFAULT_DEADLINE_MS
}

export function unreachableError(kind: 'timeout' | 'failed', detail?: string): ApiError {
  const message =
    kind === 'timeout'
      ? translateNow('api.timeout')
      : translateNow('api.unreachable', { detail: detail ?? '' })
  return { code: 'io', message }
}

/**
 * Runs `call` with an AbortSignal that fires after `ms`; resolves to the envelope `call` gives,
 * or to an `io` envelope when it throws or runs out of time. Never rejects.
 */
export function withDeadline<T>(
  ms: number | null,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T | { ok: false; error: ApiError }> {
  const controller = new AbortController()
  const failed = (error: unknown) => ({
    ok: false as const,
    error: controller.signal.aborted
      ? unreachableError('timeout')
      : unreachableError('failed', error instanceof Error ? error.message : String(error)),
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout =
    ms === null
      ? null
      : new Promise<{ ok: false; error: ApiError }>((resolve) => {
          timer = setTimeout(() => {
            controller.abort()
            resolve({ ok: false, error: unreachableError('timeout') })
          }, ms)
        })
  const answer = Promise.resolve()
    .then(() => call(controller.signal))
    .catch(failed)
  return (timeout ? Promise.race([answer, timeout]) : answer).finally(() => clearTimeout(timer))
}
