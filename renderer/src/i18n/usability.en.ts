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
}
