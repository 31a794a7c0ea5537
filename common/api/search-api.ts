import type { SavedSearch, SearchOptions, SearchResult, TagEdit } from '../model/search'
import type { Result } from './result'

/** Search, saved searches, and tag edits across the library. */
export interface SearchApi {
  'search.query'(query: string, options?: SearchOptions): Promise<Result<SearchResult>>
  'searches.list'(): Promise<Result<{ searches: SavedSearch[] }>>
  'searches.save'(input: { name: string; query: string }): Promise<Result<SavedSearch>>
  'searches.remove'(id: string): Promise<Result<{ id: string }>>
  /** How many cases a tag edit would change, before doing it. */
  'tags.preview'(edit: TagEdit): Promise<Result<{ ids: string[]; titles: string[] }>>
  'tags.apply'(edit: TagEdit): Promise<Result<{ changed: string[] }>>
}
