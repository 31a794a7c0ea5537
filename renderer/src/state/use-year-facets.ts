import { useMemo } from 'react'
import type { CaseMeta, FacetCount } from '../../../common/model'
import type { CaseFilter } from './case-filter'
import { composeQuery, localFacets } from './search-query'
import { useSearch } from './use-search'

/**
 * The 年度 counts while some 年度 are chosen, or null when none is. The chosen 年度 are ORed, so
 * their counts come from the same search without the 年度 clause: counted over the cases the
 * filter leaves, only the chosen 年度 would remain, and a second 年度 could not be added once the
 * engine had answered.
 */
export function useYearFacets(
  filter: CaseFilter,
  cases: CaseMeta[],
  version: unknown,
): FacetCount[] | null {
  const chosen = (filter.years?.length ?? 0) > 0
  const withoutYears = chosen ? composeQuery({ ...filter, years: undefined }) : ''
  const search = useSearch(withoutYears, 'relevance', version)
  const ofLibrary = useMemo(() => localFacets(cases).years, [cases])
  if (!chosen) return null
  // Nothing besides the 年度: every case of the library counts.
  if (!withoutYears) return ofLibrary
  // Until that search answers, the caller keeps the counts it has.
  return search.result && search.query === withoutYears ? search.result.facets.years : null
}
