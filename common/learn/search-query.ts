/** What a bar or cell of the overview stands for; every field narrows the search. */
export interface OverviewFilter {
  partnerType?: string
  form?: string
  year?: number
  department?: string
}

/**
 * The search query (issue 4's syntax) that lists the cases behind one bar or cell, e.g.
 * `type:npo form:共催 year:2023 dept:"教育委員会 生涯学習課"`. Values with spaces or quotes are
 * wrapped in double quotes (inner quotes and backslashes escaped with a backslash), so a
 * department such as 「教育委員会 生涯学習課」 stays one filter instead of a filter and a word.
 */
export function queryFor(filter: OverviewFilter): string {
  const parts: string[] = []
  if (filter.partnerType) parts.push(`type:${quoteValue(filter.partnerType)}`)
  if (filter.form) parts.push(`form:${quoteValue(filter.form)}`)
  if (filter.year !== undefined) parts.push(`year:${filter.year}`)
  if (filter.department) parts.push(`dept:${quoteValue(filter.department)}`)
  return parts.join(' ')
}

function quoteValue(value: string): string {
  // \s covers the full-width space (U+3000) that Japanese department names often contain.
  if (!/[\s"']/.test(value)) return value
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}
