/** The envelope every API method answers with: expected failures are values, never thrown strings. */

import type { SavedDeck } from '../decks/saved-deck'
import type { CaseDoc } from '../model/case'

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'damaged' | 'io'

export interface ApiError {
  code: ErrorCode
  message: string
  /** For `conflict`: the version now on disk, so the user can compare and choose. */
  current?: CaseDoc
  /** For a `conflict` from `decks.save`: the deck now on disk (absent when it no longer parses). */
  currentDeck?: SavedDeck
  /** For `invalid`: which field was wrong, as a dotted path, with its message. */
  issues?: { path: string; message: string }[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
