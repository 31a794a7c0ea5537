import { useEffect, useState } from 'react'
import type { ApiError } from '../../../common/api'
import type { SearchResult, SearchSort } from '../../../common/model'
import { api } from '../api'

// Search as you type, without a request per keystroke.
const DEBOUNCE_MS = 120
/** Hits with snippets; every matching id still comes back in `ids`. */
const SNIPPET_LIMIT = 100

export interface SearchState {
  result: SearchResult | null
  error: ApiError | null
  /** The query the result answers (lags the typed one by the debounce). */
  query: string
}

/** Runs the query through the engine in main; null result while the query is empty. */
export function useSearch(query: string, sort: SearchSort, version: unknown): SearchState {
  const [state, setState] = useState<SearchState>({ result: null, error: null, query: '' })
  useEffect(() => {
    if (!query.trim()) return
    let cancelled = false
    const timer = setTimeout(() => {
      void api.call('search.query', query, { limit: SNIPPET_LIMIT, sort }).then((r) => {
        if (cancelled) return
        setState(
          r.ok ? { result: r.value, error: null, query } : { result: null, error: r.error, query },
        )
      })
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [query, sort, version])
  return query.trim() ? state : { result: null, error: null, query: '' }
}
