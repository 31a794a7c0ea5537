import type { usabilityJa } from './usability.ja'

/** English strings of the usability fixes of issue #14. */
export const usabilityEn: Record<keyof typeof usabilityJa, string> = {
  'api.timeout': 'The app’s back end is not answering (timed out). Check the connection',
  'api.unreachable': 'Cannot reach the app’s back end ({detail})',
  'draft.kept':
    'The changes that could not be saved are kept as a draft on this computer; a reload keeps them.',
  'draft.found': 'There is an unsaved draft of this case ({time}).',
  'draft.restore': 'Restore the draft',
  'draft.discard': 'Discard the draft',
  'editor.retry': 'Save again',
  'editor.close': 'Close',
  'learn.chart.multipleTypes': 'Several partner types (counted once)',
  'validation.titleTooLong': 'The title can have at most 200 characters',
  'validation.summaryTooLong': 'The summary can have at most 280 characters',
  'validation.dateFormat': 'Write it as 2024-04 or 2024-04-01',
  'validation.month': 'The month must be 1–12',
  'validation.day': 'The day must be 1–31',
  'validation.endBeforeStart': 'The end is before the start',
  'validation.fiscalYear': 'Write the fiscal year as 2024, 令和6 or R6',
  'field.counter': '{n} / {max} characters',
  'field.counterOver': '{n} / {max} characters ({over} too many)',
}
