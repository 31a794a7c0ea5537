import type { SavedSearch } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

const NONE: SavedSearch[] = []

/** The library's saved searches, kept current. */
export function useSavedSearches(): { searches: SavedSearch[]; reload(): void } {
  const saved = useApiValue(() => api.call('searches.list'), [], { refreshOn: onLibraryChange })
  return { searches: saved.value?.searches ?? NONE, reload: saved.reload }
}
