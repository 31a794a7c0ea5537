import type {
  SavedSearch,
  SearchOptions,
  SearchResult,
  SearchSuggestion,
  TagEdit,
} from '../model/search'
import type { Result } from './result'

/** Search, saved searches, and tag edits across the library. */
export interface SearchApi {
  'search.query'(query: string, options?: SearchOptions): Promise<Result<SearchResult>>
  /**
   * 「もしかして」 for a query that found few or no cases: its unknown words replaced by the
   * nearest words of the library's vocabulary (titles, tags, departments, glossary, frequent words).
   */
  'search.suggest'(query: string): Promise<Result<SearchSuggestion>>
  'searches.list'(): Promise<Result<{ searches: SavedSearch[] }>>
  'searches.save'(input: { name: string; query: string }): Promise<Result<SavedSearch>>
  'searches.remove'(id: string): Promise<Result<{ id: string }>>
  /** How many cases a tag edit would change, before doing it. */
  'tags.preview'(edit: TagEdit): Promise<Result<{ ids: string[]; titles: string[] }>>
  'tags.apply'(edit: TagEdit): Promise<Result<{ changed: string[] }>>
}
