/** The envelope every API method answers with: expected failures are values, never thrown strings. */

import type { CaseDoc } from '../model/case'

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'damaged' | 'io'

export interface ApiError {
  code: ErrorCode
  message: string
  /** For `conflict`: the version now on disk, so the user can compare and choose. */
  current?: CaseDoc
  /** For `invalid`: which field was wrong, as a dotted path, with its message. */
  issues?: { path: string; message: string }[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
