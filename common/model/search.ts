/** What a search answers: hits with marked segments, facet counts, saved searches, tag edits. */

/** A piece of snippet text; `match` marks the parts that matched the query (never HTML). */
export interface TextSegment {
  text: string
  match: boolean
}

export interface SearchHit {
  id: string
  title: string
  score: number
  /** The title split into segments, matches marked. */
  titleSegments: TextSegment[]
  /** Up to three passages around the matches (from summary and body), as segments. */
  snippets: TextSegment[][]
}

export interface FacetCount {
  key: string
  count: number
}

/** Counts per sidebar group over every case matching the query (years as "2023"). */
export interface SearchFacets {
  partnerTypes: FacetCount[]
  tags: FacetCount[]
  years: FacetCount[]
  departments: FacetCount[]
  statuses: FacetCount[]
  forms: FacetCount[]
  areas: FacetCount[]
}

export type SearchSort = 'relevance' | 'year' | 'updated'

export interface SearchOptions {
  /** How many hits (with snippets) to return; default 50. */
  limit?: number
  offset?: number
  sort?: SearchSort
}

export interface SearchResult {
  total: number
  hits: SearchHit[]
  /** Every matching id in result order (hits carry snippets only for the first `limit`). */
  ids: string[]
  facets: SearchFacets
  /** Time the engine took, in milliseconds. */
  ms: number
}

export interface SavedSearch {
  id: string
  name: string
  query: string
}

/** A change to one tag across the library (rename, merge several into one, delete). */
export type TagEdit =
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'merge'; from: string[]; to: string }
  | { kind: 'delete'; tag: string }

/** 「もしかして」: the query with its unknown words replaced by the library's nearest words. */
export interface SearchSuggestion {
  /** The corrected query (the query itself when nothing was replaced). */
  query: string
  /** Each replaced word and what replaced it, in query order; empty when nothing was. */
  words: { from: string; to: string }[]
}
