import { useMemo, useState } from 'react'
import type { CaseMeta, SearchFacets, SearchHit } from '../../../common/model'
import type { Route } from '../routing/route'
import { matchesFilter, sortCases, type CaseFilter, type CaseSort } from './case-filter'
import { filterFromQuery } from './filter-from-query'
import { composeQuery, localFacets } from './search-query'
import { useLibraryState } from './library-context'
import { useSearch, type SearchState } from './use-search'
import { useYearFacets } from './use-year-facets'

export interface CaseListing {
  filter: CaseFilter
  setFilter(filter: CaseFilter): void
  sort: CaseSort
  setSort(sort: CaseSort): void
  /** The search box's text changed: a first word switches to relevance order. */
  setText(text: string): void
  /** The search box was submitted (Enter): `field:value` filters in it become chips. */
  submitText(): void
  /** The engine's query for the box plus the sidebar's selection. */
  query: string
  search: SearchState
  /** The cases the list shows, in order. */
  visible: CaseMeta[]
  facets: SearchFacets
  hits: Map<string, SearchHit>
}

/**
 * What the list shows: the search box and the sidebar's filters, the sort, and the engine's
 * answer, with a local filter while the engine has not answered yet. A `#/search?q=` link (from
 * another screen, or pasted) sets the search box once per query.
 */
export function useCaseListing(route: Route): CaseListing {
  const library = useLibraryState()
  const [filter, setFilter] = useState<CaseFilter>({})
  const [sort, setSort] = useState<CaseSort>('updated')
  const [linkedQuery, setLinkedQuery] = useState<string | null>(null)
  if (route.name === 'search' && route.query !== linkedQuery) {
    setLinkedQuery(route.query)
    // Filters in the link become chips; only the words go to the search box.
    setFilter(filterFromQuery(route.query, library.info?.partnerTypes))
    setSort('relevance')
  }

  const query = composeQuery(filter)
  const search = useSearch(query, sort === 'title' ? 'relevance' : sort, library.version)
  const visible = useMemo(() => {
    const listSort = sort === 'relevance' ? 'updated' : sort
    if (!query) return sortCases(library.cases, listSort)
    if (!search.result)
      return sortCases(
        library.cases.filter((c) => matchesFilter(c, filter)),
        listSort,
      )
    // The engine's order (relevance, 年度 or updated); titles are sorted here.
    const byId = new Map(library.cases.map((c) => [c.id, c]))
    const found = search.result.ids.flatMap((id) => byId.get(id) ?? [])
    return sort === 'title' ? sortCases(found, 'title') : found
  }, [library.cases, filter, sort, query, search.result])
  const yearFacets = useYearFacets(filter, library.cases, library.version)
  const facets = useMemo(() => {
    const found = query && search.result ? search.result.facets : localFacets(library.cases)
    return yearFacets ? { ...found, years: yearFacets } : found
  }, [query, search.result, library.cases, yearFacets])
  const hits = useMemo(
    () => new Map((search.result?.hits ?? []).map((h) => [h.id, h])),
    [search.result],
  )
  const setText = (text: string) => {
    if (!filter.text && text) setSort('relevance')
    setFilter({ ...filter, text: text || undefined })
  }
  const submitText = () => {
    if (!filter.text) return
    const taken = filterFromQuery(filter.text, library.info?.partnerTypes)
    const years = [...new Set([...(filter.years ?? []), ...(taken.years ?? [])])]
    setFilter({ ...filter, ...taken, text: taken.text, years: years.length ? years : undefined })
  }
  return {
    filter,
    setFilter,
    sort,
    setSort,
    setText,
    submitText,
    query,
    search,
    visible,
    facets,
    hits,
  }
}
