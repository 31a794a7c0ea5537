/**
 * The Japanese fiscal year (年度) of a date string "YYYY-MM" or "YYYY-MM-DD": April starts the
 * year, so 2024-03 belongs to 年度 2023. Returns undefined for anything unparseable.
 */
export function fiscalYearOf(date: string | undefined): number | undefined {
  const match = date ? /^(\d{4})-(\d{2})/.exec(date) : null
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  return month >= 4 ? year : year - 1
}

const ERAS = [
  { name: '令和', short: 'R', start: 2019 },
  { name: '平成', short: 'H', start: 1989 },
  { name: '昭和', short: 'S', start: 1926 },
] as const

/**
 * The Japanese era name of a fiscal year, e.g. 2019 → 令和元年度. Fiscal years are named by the
 * era in force at their start in April, so FY2019 (from April 2019) is 令和元 even though 令和
 * began in May; city halls write it that way.
 */
export function warekiOfFiscalYear(year: number): string {
  const era = ERAS.find((e) => year >= e.start) ?? ERAS[ERAS.length - 1]!
  const n = year - era.start + 1
  return `${era.name}${n === 1 ? '元' : n}年度`
}
