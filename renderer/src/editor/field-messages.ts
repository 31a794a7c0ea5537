import { fiscalYearFromText } from '../../../common/fiscal-year-text'
import type { MessageKey } from '../i18n/ja'

/** Field errors keyed by the form's field names (meta-draft.ts's FieldErrors). */
type Errors = Record<string, MessageKey>

/** Limits the form shows as counters; the schema (common/case-schema.ts) enforces the same. */
export const TEXT_LIMITS = { title: 200, summary: 280 } as const

/**
 * The 年度 field as a number: 2024, 令和6, R6, 2024年度… NaN when it is text but no year,
 * so the schema refuses it and the form says what to type.
 */
export function fiscalYearOfDraft(text: string): number | undefined {
  if (text.trim() === '') return undefined
  return fiscalYearFromText(text) ?? Number.NaN
}

/**
 * Generic schema messages made specific where the user can act on them: which limit a text
 * broke, what is wrong with a date (month out of 1–12, end before start), how to write 年度.
 */
export function specificErrors(
  draft: { periodStart: string; periodEnd: string; fiscalYear: string },
  errors: Errors,
): Errors {
  const result = { ...errors }
  if (result.title === 'validation.tooLong') result.title = 'validation.titleTooLong'
  if (result.summary === 'validation.tooLong') result.summary = 'validation.summaryTooLong'
  for (const field of ['periodStart', 'periodEnd'] as const) {
    if (result[field]) result[field] = dateMessage(draft[field]) ?? result[field]
  }
  if (result.periodEnd === 'validation.range') result.periodEnd = 'validation.endBeforeStart'
  // A year that parses but lies outside 1900–2200 keeps the range message.
  if (result.fiscalYear && fiscalYearFromText(draft.fiscalYear) === undefined)
    result.fiscalYear = 'validation.fiscalYear'
  return result
}

function dateMessage(value: string): MessageKey | undefined {
  const text = value.normalize('NFKC').trim()
  if (text === '') return 'validation.required'
  const parts = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text)
  if (!parts) return 'validation.dateFormat'
  const month = Number(parts[2])
  if (month < 1 || month > 12) return 'validation.month'
  if (parts[3] !== undefined && (Number(parts[3]) < 1 || Number(parts[3]) > 31))
    return 'validation.day'
  if (parts[2]!.length !== 2 || (parts[3] !== undefined && parts[3].length !== 2))
    return 'validation.dateFormat'
  return undefined
}
