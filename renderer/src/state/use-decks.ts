import { useEffect, useState } from 'react'
import type { DeckSummary } from '../../../common/model'
import { api } from '../api'

/** The library's slide decks for the sidebar, reloaded when the library changes. */
export function useDecks(): DeckSummary[] {
  const [decks, setDecks] = useState<DeckSummary[]>([])
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    void api
      .call('decks.list')
      .then((r) => r.ok && setDecks(r.value.decks.filter((d) => !d.damaged)))
  }, [generation])
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type === 'library.changed' || e.type === 'library.opened') setGeneration((g) => g + 1)
      }),
    [],
  )
  return decks
}
