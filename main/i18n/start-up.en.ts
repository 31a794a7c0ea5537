import type { StartUpMessageKey } from './start-up.ja'

/** English texts of the desktop app's own dialogs (every key of start-up.ja.ts). */
export const startUpEn: Record<StartUpMessageKey, string> = {
  'failure.title': 'Kyodo Knowledge Base',
  'failure.message': 'The library could not be opened',
  'failure.folder': 'Folder',
  'failure.reason': 'Reason',
  'failure.hint':
    'If it is on a shared drive, check that the drive is connected, then press “Retry”. You can also choose another library or open the sample library.',
  'failure.choose': 'Choose another library…',
  'failure.retry': 'Retry',
  'failure.sample': 'Open the sample',
  'failure.quit': 'Quit',
  'fatal.title': 'Kyodo Knowledge Base cannot start',
  'fatal.message': 'An unexpected error stopped the start; the app will quit.\n{reason}',
  'picker.title': 'Choose the library folder',
  'picker.button': 'Open this folder',
}
