import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import { both, en, ja } from './i18n/start-up-text'
import type { StartChoice, StartFailure } from './start-up'

/**
 * The system's own folder dialog, for 「フォルダを選ぶ…」 in the settings and for the start-up
 * failure dialog. Resolves to the chosen folder, or null when the user cancelled.
 */
export async function pickLibraryFolder(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: both('picker.title'),
    buttonLabel: both('picker.button'),
    // createDirectory: a new library starts as an empty folder (macOS needs the permission).
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  }
  const parent = BrowserWindow.getFocusedWindow()
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** The buttons of the failure dialog, in the order shown; the last one is the cancel button. */
const CHOICES: { choice: StartChoice; label: Parameters<typeof both>[0] }[] = [
  { choice: 'choose', label: 'failure.choose' },
  { choice: 'retry', label: 'failure.retry' },
  { choice: 'sample', label: 'failure.sample' },
  { choice: 'quit', label: 'failure.quit' },
]

/**
 * Says, in Japanese and then English, which library could not be opened and why, and asks what
 * to do. A native dialog rather than a window: it needs no renderer, so it works even when the
 * app's own files are what is broken.
 */
export async function askAfterStartFailure(failure: StartFailure): Promise<StartChoice> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: both('failure.title'),
    message: `${ja('failure.message')}\n${en('failure.message')}`,
    // The reason comes from core, already in both languages: 「… (…)」.
    detail: [
      `${both('failure.folder')}: ${failure.libraryDir}`,
      `${both('failure.reason')}: ${failure.reason}`,
      '',
      ja('failure.hint'),
      en('failure.hint'),
    ].join('\n'),
    buttons: CHOICES.map((c) => both(c.label)),
    defaultId: 0,
    cancelId: CHOICES.length - 1,
    noLink: true,
  })
  return CHOICES[response]?.choice ?? 'quit'
}

/**
 * The last resort when the start itself breaks (not the library: that is askAfterStartFailure).
 * A blocking error box, so that the user learns why nothing opens before the process ends.
 */
export function showFatalStartError(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox(
    both('fatal.title'),
    `${ja('fatal.message', { reason })}\n\n${en('fatal.message', { reason })}`,
  )
}
