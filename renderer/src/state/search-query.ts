import type { CaseMeta, SearchFacets } from '../../../common/model'
import { composeQuery } from '../../../common/search/query-syntax'
import { facetsOf } from './case-filter'

export { composeQuery }

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
