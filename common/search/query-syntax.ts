/**
 * The search query's syntax, shared by the parser (main/core/search/query-parser.ts, which reads
 * what users type) and every place that writes a query for them (the sidebar's selection, the
 * learn charts' links). One builder, so that what is written always parses back to the same
 * filters: the parser has no escape character, so a value is wrapped in the first pair of quotes
 * whose closing mark it does not contain.
 */

export const FILTER_FIELDS = [
  'type',
  'tag',
  'dept',
  'area',
  'year',
  'status',
  'form',
  'elem',
] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

/** Every name a user may type before `:` for each field (English, short, Japanese). */
export const FIELD_ALIASES: Record<string, FilterField> = {
  type: 'type',
  partner: 'type',
  種別: 'type',
  tag: 'tag',
  タグ: 'tag',
  dept: 'dept',
  department: 'dept',
  担当課: 'dept',
  area: 'area',
  地域: 'area',
  year: 'year',
  fy: 'year',
  年度: 'year',
  status: 'status',
  状態: 'status',
  form: 'form',
  形態: 'form',
  elem: 'elem',
  element: 'elem',
  要素: 'elem',
  '4要素': 'elem',
  協働要素: 'elem',
}

/** Opening quote → its closing quote. A phrase or a filter value with spaces sits between them. */
export const QUOTES: Record<string, string> = { '"': '"', '「': '」', '“': '”', '『': '』' }

/** What a query selects besides its words: one value per field. */
export interface SearchFilter {
  text?: string
  partnerType?: string
  tag?: string
  year?: number
  /** Several 年度, any of which matches (OR within the group, AND with the other filters). */
  years?: number[]
  department?: string
  status?: string
  form?: string
  area?: string
}

/**
 * The query for words plus filters, e.g. `自治会 防災 type:npo year:2023 dept:「教育委員会 生涯学習課」`.
 * Empty when nothing is chosen.
 */
export function composeQuery(filter: SearchFilter): string {
  const parts = [filter.text?.trim() ?? '']
  if (filter.partnerType) parts.push(filterTerm('type', filter.partnerType))
  if (filter.form) parts.push(filterTerm('form', filter.form))
  if (filter.tag) parts.push(filterTerm('tag', filter.tag))
  if (filter.year !== undefined) parts.push(filterTerm('year', String(filter.year)))
  // OR binds only the items beside it, so the years form one clause of their own.
  if (filter.years?.length)
    parts.push(filter.years.map((year) => filterTerm('year', String(year))).join(' OR '))
  if (filter.department) parts.push(filterTerm('dept', filter.department))
  if (filter.area) parts.push(filterTerm('area', filter.area))
  if (filter.status) parts.push(filterTerm('status', filter.status))
  return parts.filter(Boolean).join(' ')
}

/** One `field:value` term, the value quoted when it holds spaces or quote marks. */
export function filterTerm(field: FilterField, value: string): string {
  return `${field}:${quoteValue(value)}`
}

function quoteValue(value: string): string {
  // The parser reads NFKC text: a full-width space or quote becomes syntax there, so decide on
  // the normalised form. \s covers the ideographic space (U+3000) of department names.
  const seen = value.normalize('NFKC')
  const marks = Object.entries(QUOTES)
  const special =
    /\s/.test(seen) || marks.some(([open, close]) => seen.includes(open) || seen.includes(close))
  if (!special) return value
  const pair = marks.find(([, close]) => !seen.includes(close))
  // A value holding every closing mark cannot be quoted whole; its double quotes are dropped.
  if (!pair) return `"${seen.replace(/"/g, '')}"`
  return `${pair[0]}${value}${pair[1]}`
}
