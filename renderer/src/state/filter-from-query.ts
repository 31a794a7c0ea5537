import { FIELD_ALIASES, QUOTES, type FilterField } from '../../../common/search/query-syntax'
import { CASE_STATUSES, type CaseStatus, type PartnerType } from '../../../common/model'
import { partnerTypesNamed } from '../../../common/search/partner-type-labels'
import type { CaseFilter } from './case-filter'

/**
 * A query as a chart link or a pasted `#/search?q=` writes it (`type:academia year:2017 防災`)
 * taken apart into the filters the chips and the sidebar show and the words left for the search
 * box, so that raw `field:value` syntax never sits in the box. Only what maps one-to-one is taken
 * out: a negated filter, a filter joined by OR (except 年度 with 年度), a second value for the same
 * field, or a field the chips do not show stays in the words, where the engine still reads it.
 */
const CHIP_FIELDS: Partial<Record<FilterField, keyof CaseFilter>> = {
  type: 'partnerType',
  tag: 'tag',
  dept: 'department',
  area: 'area',
  status: 'status',
  form: 'form',
}

interface Token {
  raw: string
  field?: FilterField
  value?: string
}

export function filterFromQuery(query: string, partnerTypes: PartnerType[] = []): CaseFilter {
  const tokens = tokenize(query)
  const filter: CaseFilter = {}
  const kept: string[] = []
  const isOr = (i: number) => tokens[i]?.raw === 'OR'
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    // A run `year:2021 OR year:2023 …` standing on its own is the 年度 group (one only: two
    // groups would be ANDed, which the chips cannot say).
    if (filter.years === undefined && isYearToken(token) && !isOr(i - 1)) {
      let end = i
      while (isOr(end + 1) && tokens[end + 2] && isYearToken(tokens[end + 2]!)) end += 2
      if (!isOr(end + 1)) {
        filter.years = [
          ...new Set(
            tokens
              .slice(i, end + 1)
              .filter(isYearToken)
              .map(yearOf),
          ),
        ].sort()
        i = end + 1
        continue
      }
    }
    const key = token.field ? CHIP_FIELDS[token.field] : undefined
    const value = key === 'partnerType' ? partnerTypeKey(token.value, partnerTypes) : token.value
    const besideOr = isOr(i - 1) || isOr(i + 1)
    if (key && value && !besideOr && filter[key] === undefined && fits(key, value)) {
      ;(filter as Record<string, string>)[key] = value
    } else kept.push(token.raw)
    i++
  }
  const text = kept.join(' ').trim()
  if (text) filter.text = text
  return filter
}

const isYearToken = (token: Token) => token.field === 'year' && /^\d{4}$/.test(token.value ?? '')
const yearOf = (token: Token) => Number(token.value)

/** `type:大学` as the chip's key (academia); undefined when the label names no single type. */
function partnerTypeKey(value: string | undefined, types: PartnerType[]): string | undefined {
  if (!value || types.length === 0 || types.some((t) => t.key === value)) return value
  const keys = partnerTypesNamed(value, types)
  return keys.length === 1 ? keys[0] : undefined
}

function fits(key: keyof CaseFilter, value: string): boolean {
  return key !== 'status' || CASE_STATUSES.includes(value as CaseStatus)
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = []
  const pattern = new RegExp(
    `(\\S+?)[:：]([${Object.keys(QUOTES).join('')}])(.*?)([${Object.values(QUOTES).join('')}])|\\S+`,
    'gu',
  )
  for (const match of query.matchAll(pattern)) {
    const raw = match[0]
    if (match[1] !== undefined) {
      tokens.push({ raw, field: FIELD_ALIASES[match[1].toLowerCase()], value: match[3] })
      continue
    }
    const colon = raw.search(/[:：]/)
    if (colon > 0 && !raw.startsWith('-')) {
      const field = FIELD_ALIASES[raw.slice(0, colon).toLowerCase()]
      tokens.push({ raw, field, value: raw.slice(colon + 1) || undefined })
    } else tokens.push({ raw })
  }
  return tokens
}
