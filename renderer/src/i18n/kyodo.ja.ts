/** Japanese strings of 協働の4要素 (issue #16): the editor panel, the case chart, the learn page. */
export const kyodoJa = {
  'kyodo.elements': '協働の4要素',
  'kyodo.element.ownership': 'ともに主体的に',
  'kyodo.element.problem': '課題に向き合う',
  'kyodo.element.goal': '目標に共感する',
  'kyodo.element.action': 'ともに取り組む',
  'kyodo.question.ownership':
    '相手は自分ごととして関わっていたか。行政は任せきり・丸投げになっていなかったか。',
  'kyodo.question.problem':
    '何が課題なのかを、双方が同じ場で確かめ合ったか。どちらかの課題を相手に押しつけていなかったか。',
  'kyodo.question.goal':
    '目指す姿を一緒に言葉にし、双方が納得していたか。名前を連ねるだけになっていなかったか。',
  'kyodo.question.action':
    '役割を分け合い、実際に手を動かしたか。途中の困りごとを一緒に解決したか。',
  'kyodo.step.1': '名ばかり',
  'kyodo.step.2': '一方が主導',
  'kyodo.step.3': '部分的に協働',
  'kyodo.step.4': 'おおむね協働',
  'kyodo.step.5': '十分に協働',
  'kyodo.unscored': '未評価',
  'kyodo.score': '{score}／5',
  'kyodo.scoreSpoken': '5段階中{score}（{step}）',
  'kyodo.note': 'メモ（{element}）',
  'kyodo.overallNote': '全体のメモ',
  'kyodo.panel.help':
    '任意です。この事例が「協働」と言えたかを、4つの要素ごとに1〜5で振り返ります。判断できない要素は未評価のままで構いません。',
  'kyodo.panel.clear': 'すべて未評価に戻す',
  'kyodo.scoreMissing': 'メモを残すときは、1〜5のどれかを選んでください。',
  'kyodo.chart.caption': '1（名ばかり）〜5（十分に協働）',
  'kyodo.chart.none': '未評価',

  'kyodo.learnLink': '協働とは',
  'kyodo.learnLink.help':
    '「ともに主体的に・課題に向き合い・目標に共感し・ともに取り組む」の4要素と、名ばかり連携の教訓。',
  'kyodo.page.title': '協働とは',
  'kyodo.page.lead':
    '協働とは、ともに主体的に、課題に向き合い、目標に共感し、ともに取り組むこと。協力・共同・連携と呼ばれる事業でも、相手が名前を貸すだけなら協働ではありません。各事例の「協働の4要素」の振り返りから、違いを生んだものを学びましょう。',
  'kyodo.page.checked':
    '振り返り済みの事例 {n} 件のうち、4要素すべてが4以上の事例は {full} 件です。',
  'kyodo.page.fullSearch': '4要素すべてが4以上の事例を見る',
  'kyodo.page.elementSearch': 'この要素が4以上の事例を見る',
  'kyodo.page.path': '読書パス「協働の4要素で読む」',
  'kyodo.page.none':
    'まだ「協働の4要素」を振り返った事例がありません。事例の編集画面で、4つの要素を1〜5で振り返ってみてください。',
  'kyodo.page.example': 'いちばんの例（{score}／5）：',
  'kyodo.page.noExample': 'この要素のメモがある事例はまだありません。',
  'kyodo.page.notes': 'この要素について書かれたメモ（{n} 件）',
  'kyodo.page.byType': '協働相手の種別ごとの平均',
  'kyodo.page.byType.help':
    'それぞれの要素の平均点です（振り返り済みの事例のみ。1件に複数の種別があるときは、それぞれに数えます）。▼はその種別でいちばん低い要素、つまりこの市が弱くなりがちなところです。',
  'kyodo.page.type': '協働相手の種別',
  'kyodo.page.typeCount': '{n} 件',
  'kyodo.page.average': '平均 {value}',
  'kyodo.page.weakest': '（いちばん低い要素）',
  'kyodo.listSeparator': '、',
  'kyodo.nominal.title': '名ばかり連携の教訓',
  'kyodo.nominal.help':
    '「ともに主体的に」または「目標に共感する」が2以下だった事例です。相手が名前を貸すだけ、行政が任せきり……。それぞれの「苦労と教訓」に、何が足りなかったかが書かれています。',
  'kyodo.nominal.none': '「ともに主体的に」か「目標に共感する」が2以下の事例はありません。',
  'kyodo.nominal.low': '低かった要素: {elements}',
  'kyodo.nominal.noLesson': 'この事例には「苦労と教訓」がまだ書かれていません。',
  'kyodo.nominal.failed': '名ばかり連携の事例を読み込めませんでした: {reason}',
} as const
