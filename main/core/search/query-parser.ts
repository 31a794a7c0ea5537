import { FIELD_ALIASES, QUOTES, type FilterField } from '../../../common/search/query-syntax'
import { parseElementRange, type ElementRange } from './collaboration-filter'
import { fiscalYearWordFilter, parseFiscalYearRange } from './fiscal-year-query'
import { normalizeText } from './normalize'

/**
 * The query language (what a user types in the search box, the CLI and saved searches):
 *
 *   防災 訓練            words are ANDed: both must occur (anywhere, as substrings, any length)
 *   "防災 訓練"          a phrase: that exact sequence (also 「…」 and “…”); no synonyms, no typos
 *   防災 OR 減災         either word (also `|`); binds the items left and right of it
 *   -訓練  -"出前 講座"  excludes cases containing the word or phrase
 *   type:npo             partner type key                     (also partner:, 種別:)
 *   tag:防災             a tag, exactly (synonyms apply)       (also タグ:)
 *   dept:市民協働        担当課 containing the text           (also 担当課:)
 *   area:北部            地域 containing the text             (also 地域:)
 *   year:2023            年度; also year:R5, year:令和5, year:H30, year:平成30, year:2020-2023
 *                                                              (also 年度:)
 *   令和5年度 R5年度     a word naming 年度 is a year filter too: 2023年度, 平成30年度, R5,
 *   令和3〜5年度         and ranges (fiscal-year-query.ts); a bare 2023 stays a word
 *   status:draft         draft / published / archived          (also 状態:)
 *   form:共催            協働の形態 containing the text       (also 形態:)
 *   elem:ownership>=4    協働の4要素 scores; elem:all>=4 for all four (see collaboration-filter.ts)
 *
 * Filters can be negated (-status:archived) and ORed (type:npo OR type:private). Full-width
 * input works the same (ｔａｇ：防災, －訓練, ＯＲ). An unknown `name:` prefix is an ordinary
 * word, so `10:00` still searches for 10:00. Words are normalised (see normalize.ts).
 */

export type { FilterField }

export type QueryAtom =
  | { kind: 'term'; text: string; phrase: boolean }
  | { kind: 'filter'; field: Exclude<FilterField, 'year' | 'elem'>; value: string }
  | { kind: 'filter'; field: 'year'; value: string; from: number; to: number }
  | { kind: 'filter'; field: 'elem'; value: string; range: ElementRange }

/** Atoms joined by OR; a negated clause excludes what any of its atoms matches. */
export interface QueryClause {
  negated: boolean
  atoms: QueryAtom[]
}

export interface ParsedQuery {
  clauses: QueryClause[]
}

interface Token {
  negated: boolean
  /** The token was `OR` or `|`. */
  or: boolean
  atom: QueryAtom | null
}

export function parseQuery(input: string): ParsedQuery {
  // NFKC first so that full-width quotes, colons, minus signs and spaces act as syntax.
  const text = input.normalize('NFKC')
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++
      continue
    }
    let negated = false
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
      negated = true
      i++
    }
    const start = i
    if (QUOTES[text[i]!] !== undefined) {
      const { value, end } = readQuoted(text, i)
      i = end
      tokens.push({ negated, or: false, atom: termAtom(value, true) })
      continue
    }
    let quotedFilter = false
    while (i < text.length && !/\s/.test(text[i]!)) {
      // A quoted filter value may contain spaces: tag:"まち づくり".
      if (text[i] === ':' && i > start && QUOTES[text[i + 1] ?? ''] !== undefined) {
        const { value, end } = readQuoted(text, i + 1)
        tokens.push({ negated, or: false, atom: filterOrTerm(text.slice(start, i), value) })
        i = end
        quotedFilter = true
        break
      }
      i++
    }
    if (quotedFilter) continue
    const word = text.slice(start, i)
    if (!negated && (word === 'OR' || word === '|')) {
      tokens.push({ negated: false, or: true, atom: null })
      continue
    }
    const colon = word.indexOf(':')
    const atom =
      colon > 0
        ? filterOrTerm(word.slice(0, colon), word.slice(colon + 1))
        : (fiscalYearWordFilter(word) ?? termAtom(word, false))
    tokens.push({ negated, or: false, atom })
  }
  return { clauses: toClauses(tokens) }
}

function readQuoted(text: string, open: number): { value: string; end: number } {
  const close = QUOTES[text[open]!]!
  const end = text.indexOf(close, open + 1)
  if (end === -1) return { value: text.slice(open + 1), end: text.length }
  return { value: text.slice(open + 1, end), end: end + 1 }
}

function termAtom(raw: string, phrase: boolean): QueryAtom | null {
  const text = normalizeText(raw).trim()
  return text ? { kind: 'term', text, phrase } : null
}

function filterOrTerm(name: string, rawValue: string): QueryAtom | null {
  const field = FIELD_ALIASES[name.toLowerCase()]
  if (!field) return termAtom(`${name}:${rawValue}`, false)
  const value = normalizeText(rawValue).trim()
  if (!value) return null
  if (field === 'year') {
    // An unreadable year matches nothing rather than being ignored: ignoring it would
    // silently show every year.
    const range = parseFiscalYearRange(value) ?? { from: NaN, to: NaN }
    return { kind: 'filter', field, value, ...range }
  }
  if (field === 'elem') return { kind: 'filter', field, value, range: parseElementRange(value) }
  return { kind: 'filter', field, value }
}

function toClauses(tokens: Token[]): QueryClause[] {
  const clauses: QueryClause[] = []
  let joinNext = false
  for (const token of tokens) {
    if (token.or) {
      joinNext = clauses.length > 0
      continue
    }
    if (!token.atom) continue
    const last = clauses.at(-1)
    if (joinNext && last && last.negated === token.negated) last.atoms.push(token.atom)
    else clauses.push({ negated: token.negated, atoms: [token.atom] })
    joinNext = false
  }
  return clauses
}
