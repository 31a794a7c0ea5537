import type { CaseMeta, SearchFacets } from '../../../common/model'
import { facetsOf, type CaseFilter } from './case-filter'

const quote = (value: string) => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value)

/**
 * The search engine's query for the search box plus the sidebar's selection, e.g.
 * `自治会 防災 type:npo year:2023 dept:"教育委員会 生涯学習課"`. Empty when nothing is chosen.
 */
export function composeQuery(filter: CaseFilter): string {
  const parts = [filter.text?.trim() ?? '']
  if (filter.partnerType) parts.push(`type:${quote(filter.partnerType)}`)
  if (filter.tag) parts.push(`tag:${quote(filter.tag)}`)
  if (filter.year !== undefined) parts.push(`year:${filter.year}`)
  if (filter.department) parts.push(`dept:${quote(filter.department)}`)
  if (filter.status) parts.push(`status:${filter.status}`)
  return parts.filter(Boolean).join(' ')
}

/** The words of a query worth highlighting in an opened case (no operators, no exclusions). */
export function highlightTerms(query: string): string[] {
  const terms: string[] = []
  for (const match of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = match[1] ?? match[2] ?? ''
    if (!term || term === 'OR' || term.startsWith('-') || /^[a-z]+:/i.test(term)) continue
    terms.push(term)
  }
  return terms
}

/** The sidebar's counts for a plain list (no query): the same shape the engine returns. */
export function localFacets(cases: CaseMeta[]): SearchFacets {
  const f = facetsOf(cases)
  const count = (values: string[]) => {
    const map = new Map<string, number>()
    for (const v of values) map.set(v, (map.get(v) ?? 0) + 1)
    return [...map].map(([key, n]) => ({ key, count: n }))
  }
  return {
    partnerTypes: f.partnerTypes.map((x) => ({ key: x.key, count: x.count })),
    tags: f.tags,
    years: f.years.map((y) => ({ key: String(y.key), count: y.count })),
    departments: f.departments,
    statuses: f.statuses.map((s) => ({ key: s.key, count: s.count })),
    forms: count(cases.flatMap((c) => c.forms ?? [])),
    areas: count(cases.flatMap((c) => (c.area ? [c.area] : []))),
  }
}
