/**
 * Japanese texts of the desktop app's own dialogs (start-up failure, folder picker). The main
 * process shows them before any window exists, so it cannot ask the renderer for the user's
 * language: every dialog shows Japanese first and English second (start-up.en.ts).
 */
export const startUpJa = {
  'failure.title': '協働ナレッジベース',
  'failure.message': 'ライブラリを開けませんでした',
  'failure.folder': 'フォルダ',
  'failure.reason': '理由',
  'failure.hint':
    '共有ドライブの場合は、つながっているか確かめてから「再試行」を押してください。別のライブラリを選ぶことも、サンプルのライブラリを開くこともできます。',
  'failure.choose': '別のライブラリを選ぶ…',
  'failure.retry': '再試行',
  'failure.sample': 'サンプルを開く',
  'failure.quit': '終了',
  'fatal.title': '協働ナレッジベースを起動できません',
  'fatal.message': '予期しないエラーで起動できませんでした。アプリを終了します。\n{reason}',
  'picker.title': 'ライブラリのフォルダを選ぶ',
  'picker.button': 'このフォルダを開く',
}

export type StartUpMessageKey = keyof typeof startUpJa
