import type { SearchSuggestion } from '../../../common/model'
import type { Vocabulary } from './vocabulary'

/**
 * 「もしかして」: for each word of a query that the library does not contain, the nearest word
 * of its vocabulary by edit distance (one edit for short words, two for long ones), preferring
 * the more frequent word on a tie. Filters (`type:npo`), OR, exclusions and phrases are left as
 * they are. Words the library does contain, even inside a longer word, are never "corrected".
 */
export function suggestQuery(query: string, vocabulary: Vocabulary): SearchSuggestion {
  const entries = [...vocabulary].map(([word, weight]) => ({ word, folded: fold(word), weight }))
  const haystack = entries.map((e) => e.folded).join('\n')
  const words: SearchSuggestion['words'] = []
  const corrected = query.replace(
    /(^|\s)([^\s"「“『-][^\s]*)/g,
    (whole, lead: string, word: string) => {
      if (word === 'OR' || word === '|' || /[:：]/.test(word)) return whole
      const folded = fold(word)
      if ([...folded].length < 2 || haystack.includes(folded)) return whole
      const best = nearest(folded, entries)
      if (!best) return whole
      words.push({ from: word, to: best })
      return `${lead}${best}`
    },
  )
  return { query: words.length > 0 ? corrected : query, words }
}

function nearest(
  folded: string,
  entries: { word: string; folded: string; weight: number }[],
): string | undefined {
  const length = [...folded].length
  const limit = length <= 4 ? 1 : 2
  let best: { word: string; distance: number; weight: number } | undefined
  for (const entry of entries) {
    if (Math.abs([...entry.folded].length - length) > limit) continue
    const distance = editDistance(folded, entry.folded, limit)
    if (distance > limit) continue
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && entry.weight > best.weight)
    )
      best = { word: entry.word, distance, weight: entry.weight }
  }
  return best?.word
}

/** Width, case and katakana/hiragana folded, as the search engine folds them. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
}

/** Damerau–Levenshtein (adjacent transpositions) over code points, stopping past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = [...a]
  const t = [...b]
  let before: number[] = []
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, before[j - 2]! + 1)
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return rowMin
    before = previous
    previous = current
  }
  return previous[t.length]!
}
