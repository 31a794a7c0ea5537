import { useEffect, useState } from 'react'
import type { Deck } from '../../../common/decks/deck-schema'
import type { DeckOutline } from '../../../common/model'
import { api } from '../api'

/** How long the preview waits after an edit or a library change before asking for the outline. */
export const PREVIEW_DEBOUNCE_MS = 250

export type OutlineState =
  | { kind: 'loading' }
  | { kind: 'ready'; outline: DeckOutline }
  | { kind: 'failed'; message: string }

/**
 * The slides of the deck as it is being edited, saved or not (`decks.preview`): main builds
 * the outline, so the preview and the slide texts are exactly what the exports will draw.
 * Fetched again, debounced, after every edit and when cases change.
 */
export function useDeckOutline(draft: Deck | null): OutlineState {
  const [state, setState] = useState<OutlineState>({ kind: 'loading' })
  const [libraryGeneration, setLibraryGeneration] = useState(0)
  const key = draft ? JSON.stringify(draft) : ''

  useEffect(
    () => api.onEvent((e) => e.type === 'library.changed' && setLibraryGeneration((g) => g + 1)),
    [],
  )

  useEffect(() => {
    if (!key) return
    let cancelled = false
    const timer = setTimeout(() => {
      void api.call('decks.preview', JSON.parse(key) as Deck).then((r) => {
        if (cancelled) return
        setState(
          r.ok ? { kind: 'ready', outline: r.value } : { kind: 'failed', message: r.error.message },
        )
      })
    }, PREVIEW_DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [key, libraryGeneration])

  return state
}
