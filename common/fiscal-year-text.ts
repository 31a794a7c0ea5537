/**
 * 年度 as people type it, shared by the editor's 年度 field and the search box: 2024, 2024年度,
 * 令和6, 令和6年度, R6, r6, 令和元年度, 平成30, H30, 昭和60, S60 (full-width too). Fiscal years
 * are named by the era in force at their start in April (common/fiscal-year.ts).
 */
const ERAS: { names: string[]; start: number }[] = [
  { names: ['令和', 'r'], start: 2019 },
  { names: ['平成', 'h'], start: 1989 },
  { names: ['昭和', 's'], start: 1926 },
]

/** The fiscal year a text names, or undefined when it is not one. */
export function fiscalYearFromText(input: string): number | undefined {
  const value = input
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/年度?$/, '')
  if (/^\d{4}$/.test(value)) return Number(value)
  for (const era of ERAS) {
    for (const name of era.names) {
      if (!value.startsWith(name)) continue
      const rest = value.slice(name.length)
      const n = rest === '元' ? 1 : /^\d{1,2}$/.test(rest) ? Number(rest) : NaN
      if (n >= 1) return era.start + n - 1
    }
  }
  return undefined
}

/**
 * A 年度 word or range as typed in the search box: `令和5年度`, `R5年度`, `2023年度`,
 * `平成30年度`, `令和3〜5年度`, `R3-R5年度`, `2021〜2023年度`. Only words that say 年度 (or
 * name an era) count, so a bare `2023` stays an ordinary word. In a range the era of the first
 * year carries over (`令和3〜5年度` is 2021–2023). Undefined when the word is not one.
 */
export function fiscalYearWord(input: string): { from: number; to: number } | undefined {
  const word = input.normalize('NFKC').trim().toLowerCase()
  const saysYear = /年度$/.test(word)
  const parts = word.replace(/年度$/, '').split(/〜|~|-|–|から/)
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined
  const first = parts[0]!
  const era = /^(令和|平成|昭和|[rhs])/.exec(first)?.[0]
  if (!saysYear && !era) return undefined
  // An era word without 年度 must still look like one: R5 yes, "really" no.
  if (!saysYear && !/^(令和|平成|昭和|[rh])(\d{1,2}|元)$/.test(first)) return undefined
  const from = fiscalYearFromText(first)
  if (from === undefined) return undefined
  if (parts.length === 1) return { from, to: from }
  const second = parts[1]!
  const to = fiscalYearFromText(/^(\d{1,2}|元)$/.test(second) && era ? era + second : second)
  if (to === undefined) return undefined
  return from <= to ? { from, to } : { from: to, to: from }
}
