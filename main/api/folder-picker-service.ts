import type { KbApi } from '../../common/api'
import { asResult, bilingual, fail } from '../core/errors'

/** Shows the system's folder dialog; resolves to the chosen folder, or null when cancelled. */
export type PickFolder = () => Promise<string | null>

/**
 * `library.pickFolder`: only the desktop app has a native folder dialog. Elsewhere (the web host,
 * scripts) the answer says so, and the user types the path as before.
 */
export function createFolderPickerService(
  pickFolder: PickFolder | undefined,
): Pick<KbApi, 'library.pickFolder'> {
  return {
    'library.pickFolder': () =>
      pickFolder
        ? asResult(async () => ({ path: await pickFolder() }))
        : Promise.resolve(
            fail(
              'invalid',
              bilingual(
                'フォルダを選ぶ画面はデスクトップアプリでのみ使えます。フォルダのパスを入力してください',
                'The folder dialog is only available in the desktop app; type the folder path instead',
              ),
            ),
          ),
  }
}
