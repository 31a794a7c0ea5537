/** Japanese strings of the exchange screens. */
export const exchangeJa = {
  'nav.exchange': '取り込み・書き出し',
  'import.title': '事例を取り込む',
  'import.help':
    'Markdownファイル（Obsidianなどの front matter 付き）、そのフォルダ、事例パッケージ（.zip）を選ぶか、ここにドロップしてください。取り込む前に内容を確認できます。',
  'import.chooseFiles': 'ファイルを選ぶ',
  'import.chooseFolder': 'フォルダを選ぶ',
  'import.reading': '{n} 個のファイルを確認しています…',
  'import.found':
    '{n} 件の事例が見つかりました（既存と重複 {duplicates} 件、読めないファイル {failed} 件）',
  'import.caseTitle': '事例名',
  'import.source': '元のファイル',
  'import.duplicate': '重複',
  'import.duplicateOf': '既存の「{title}」と重複：',
  'import.skip': '取り込まない',
  'import.replace': '置き換える',
  'import.keepBoth': '両方残す',
  'import.new': '新規',
  'import.run': '{n} 件を取り込む',
  'import.running': '取り込んでいます… {done}/{total}',
  'import.summary':
    '取り込み {imported} 件、置き換え {replaced} 件、スキップ {skipped} 件、失敗 {failed} 件',
  'import.failed': '取り込めなかったファイル（{n} 件）',
  'import.again': '続けて取り込む',
  'export.title': '書き出す',
  'export.help':
    'ライブラリ全体を事例パッケージ（.zip、チェックサム付き）として他の部署へ渡したり、読み物用のHTMLとして保存したりできます。',
  'export.package': '事例パッケージ（.zip）',
  'export.html': '読み物用HTML',
  'external.changed': 'この事例は、編集中に別の場所で変更されました（版 {n}）。',
  'external.reload': '変更後の内容を読み込む（自分の編集を破棄）',
  'external.keep': '編集を続ける（保存時に比べて選べます）',
} as const
