import type { DeckSummary } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

const NONE: DeckSummary[] = []

/** The library's slide decks for the sidebar (damaged ones left out), kept current. */
export function useDecks(): DeckSummary[] {
  const decks = useApiValue(() => api.call('decks.list'), [], { refreshOn: onLibraryChange })
  return decks.value?.decks.filter((d) => !d.damaged) ?? NONE
}
