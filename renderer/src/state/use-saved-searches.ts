import { useCallback, useEffect, useState } from 'react'
import type { SavedSearch } from '../../../common/model'
import { api } from '../api'

/** The library's saved searches, reloaded when the library changes. */
export function useSavedSearches(): { searches: SavedSearch[]; reload(): void } {
  const [searches, setSearches] = useState<SavedSearch[]>([])
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  useEffect(() => {
    void api.call('searches.list').then((r) => r.ok && setSearches(r.value.searches))
  }, [generation])
  useEffect(
    () =>
      api.onEvent((e) => (e.type === 'library.changed' || e.type === 'library.opened') && reload()),
    [reload],
  )
  return { searches, reload }
}
