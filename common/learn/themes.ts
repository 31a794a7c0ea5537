import type { Tip, TipTheme } from '../model/learn'

/**
 * The common themes of a set of tips: the words that recur across the コツ and 苦労と教訓 of
 * different cases, each with the cases behind it and the sentence where each case says it, so a
 * new hire sees the pattern rather than a pile of separate lessons.
 *
 * Japanese has no spaces, and the app carries no morphological analyser (it must run offline
 * and small). Content words in these texts are overwhelmingly kanji or katakana compounds
 * (役割分担, 引継ぎ, 事務局, マニュアル), so a "word" here is a run of two or more kanji, katakana
 * or Latin letters; particles and verb endings in hiragana separate them. Words every lesson
 * uses (協働, 市, 事業…) are left out, and a word counts once per case however often it recurs.
 */

/** Words too general to be a theme: they recur in nearly every lesson of every partner type. */
const GENERAL = new Set([
  '協働',
  '事業',
  '地域',
  '団体',
  '担当',
  '職員',
  '必要',
  '自分',
  '最初',
  '場合',
  '相手',
  '市民',
  '今後',
  '当初',
  '結果',
  '実際',
  '以上',
  '以外',
  '全体',
  '一方',
  '大切',
  '重要',
  '関係',
  '活動',
  '参加',
  '取組',
  '意見',
  '部分',
  '時間',
  '毎年',
  '年度',
  '担当課',
  '担当者',
  '年目',
  // The partners themselves: a guide about students that says 学生 teaches nothing new.
  '住民',
  '大学',
  '学生',
  '企業',
])

/**
 * Words of collaboration written with okurigana (話し合い, 引き継ぎ): a kanji run would cut them
 * into 話, 合 and lose them, so they are found as whole words first.
 */
const OKURIGANA_WORDS = [
  '話し合い',
  '引き継ぎ',
  '仕組み',
  '取り組み',
  '見直し',
  '振り返り',
  '打ち合わせ',
  '呼びかけ',
  '立ち上げ',
  '聞き取り',
  '受け入れ',
  '手引き',
  '顔合わせ',
  '申し合わせ',
  '割り振り',
  '位置づけ',
  '役割分担',
]
const OKURIGANA = new RegExp(OKURIGANA_WORDS.join('|'), 'g')

const WORD = /[\p{Script=Han}\p{Script=Katakana}ー々A-Za-zＡ-Ｚａ-ｚ]{2,12}/gu
const MAX_THEMES = 8
const MAX_SENTENCE = 120

/** Plain text of a tip's Markdown, sentence by sentence (list items end sentences too). */
function sentencesOf(markdown: string): string[] {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|]/g, '')
    .split(/(?<=[。！？])|\n+/)
    .map((s) => s.replace(/^\s*([-+]|\d+\.)\s+/, '').trim())
    .filter(Boolean)
}

export function themesOf(tips: Tip[]): TipTheme[] {
  // word → caseId → the first sentence of that case that uses it
  const byWord = new Map<string, Map<string, { title: string; sentence: string }>>()
  for (const tip of tips) {
    for (const sentence of sentencesOf(tip.markdown)) {
      const whole = [...sentence.matchAll(OKURIGANA)].map((m) => m[0])
      const rest = sentence.replace(OKURIGANA, '、')
      for (const word of [...whole, ...[...rest.matchAll(WORD)].map((m) => m[0])]) {
        const key = word.normalize('NFKC')
        if (GENERAL.has(key) || /^[A-Za-z]+$/.test(key)) continue
        const cases = byWord.get(key) ?? new Map()
        if (!cases.has(tip.caseId)) {
          const clipped =
            sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE)}…` : sentence
          cases.set(tip.caseId, { title: tip.title, sentence: clipped })
        }
        byWord.set(key, cases)
      }
    }
  }
  const recurring = [...byWord]
    .filter(([, cases]) => cases.size >= 2)
    .sort(
      (a, b) =>
        b[1].size - a[1].size || b[0].length - a[0].length || a[0].localeCompare(b[0], 'ja'),
    )
  // A shorter word whose cases a longer chosen word already covers adds nothing (計画 under 年間計画).
  const chosen: [string, Map<string, { title: string; sentence: string }>][] = []
  for (const entry of recurring) {
    const [word, cases] = entry
    const covered = chosen.some(
      ([other, otherCases]) =>
        (other.includes(word) || word.includes(other)) &&
        [...cases.keys()].every((id) => otherCases.has(id)),
    )
    if (!covered) chosen.push(entry)
    if (chosen.length === MAX_THEMES) break
  }
  return chosen.map(([phrase, cases]) => ({
    phrase,
    cases: [...cases].map(([caseId, { title, sentence }]) => ({ caseId, title, sentence })),
  }))
}
