import type { ApiError, ErrorCode, Result } from '../../common/api'
import { errorMessage } from '../../common/error-message'

/**
 * Expected failures travel as values (Result), never as thrown strings. Messages carry
 * Japanese first and English second, because the same text reaches the UI, the CLI and logs.
 */
export function bilingual(ja: string, en: string): string {
  return `${ja} (${en})`
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<ApiError, 'code' | 'message'> = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } }
}

/**
 * Thrown inside core when an expected failure must unwind several frames; the API layer
 * turns it back into a Result. Unexpected errors stay ordinary Errors.
 */
export class KbError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiError, 'code' | 'message'> = {},
  ) {
    super(message)
    this.name = 'KbError'
  }

  toResult<T>(): Result<T> {
    return fail(this.code, this.message, this.extra)
  }
}

/** Runs `fn` and turns a KbError into its Result; anything else becomes an `io` failure. */
export async function asResult<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn())
  } catch (error) {
    if (error instanceof KbError) return error.toResult()
    const reason = errorMessage(error)
    return fail(
      'io',
      bilingual(`ファイル操作に失敗しました: ${reason}`, `File operation failed: ${reason}`),
    )
  }
}
