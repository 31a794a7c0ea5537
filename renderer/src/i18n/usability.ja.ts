/** Strings of the usability fixes of issue #14 (back end gone, drafts, chips, suggestions, keys). */
export const usabilityJa = {
  'api.timeout': 'アプリの処理部分が応答しません（時間切れ）。接続を確認してください',
  'api.unreachable': 'アプリの処理部分に接続できません（{detail}）',
  'draft.kept':
    '保存できなかった変更をこのパソコンに下書きとして残しました。再読み込みしても消えません。',
  'draft.found': '保存されていない下書きがあります（{time}）。',
  'draft.restore': '下書きを戻す',
  'draft.discard': '下書きを捨てる',
  'editor.retry': 'もう一度保存',
  'editor.close': '閉じる',
  'learn.chart.multipleTypes': '複数の相手（1件として数える）',
  'validation.titleTooLong': '事例名は 200 字以内にしてください',
  'validation.summaryTooLong': '概要は 280 字以内にしてください',
  'validation.dateFormat': '2024-04 または 2024-04-01 の形で入力してください',
  'validation.month': '月は 1〜12 で入力してください',
  'validation.day': '日は 1〜31 で入力してください',
  'validation.endBeforeStart': '終了が開始より前になっています',
  'validation.fiscalYear': '年度は 2024・令和6・R6 のように入力してください',
  'field.counter': '{n} / {max} 字',
  'field.counterOver': '{n} / {max} 字（{over} 字多すぎます）',
} as const
