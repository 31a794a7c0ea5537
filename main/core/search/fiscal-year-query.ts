import { fiscalYearFromText, fiscalYearWord } from '../../../common/fiscal-year-text'

/**
 * A year, read as the editor's 年度 field reads it (2023, R5, 令和5年度…), or an inclusive range:
 * `2021-2023`, `2021..2023`, `r3-r5`. Undefined when unparseable.
 */
export function parseFiscalYearRange(text: string): { from: number; to: number } | undefined {
  const parts = text.split(/\.\.|-|~|〜/)
  if (parts.length === 1) {
    const year = fiscalYearFromText(text)
    return year === undefined ? undefined : { from: year, to: year }
  }
  if (parts.length !== 2) return undefined
  const from = parts[0] ? fiscalYearFromText(parts[0]) : -Infinity
  const to = parts[1] ? fiscalYearFromText(parts[1]) : Infinity
  if (from === undefined || to === undefined) return undefined
  return from <= to ? { from, to } : { from: to, to: from }
}

/**
 * A word of the search box that names 年度 on its own — `令和5年度`, `R5年度`, `2023年度`,
 * `平成30年度`, `令和3〜5年度`, `R5` — read as a year filter, as `year:` is. A bare `2023`
 * stays a word (it may be a count or part of a title). Undefined when the word is not one.
 */
export function fiscalYearWordFilter(
  word: string,
): { kind: 'filter'; field: 'year'; value: string; from: number; to: number } | undefined {
  const range = fiscalYearWord(word)
  return range && { kind: 'filter', field: 'year', value: word, ...range }
}
