import { useEffect, useState } from 'react'
import type { DeckOutline } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { SlidePreview } from './SlidePreview'

/** How long the preview waits after a save or a library change before asking for the outline. */
export const PREVIEW_DEBOUNCE_MS = 250

type OutlineState =
  | { kind: 'loading' }
  | { kind: 'ready'; outline: DeckOutline }
  | { kind: 'failed'; message: string }

/**
 * Every slide of the saved deck, as the exports will draw it. The outline comes from main
 * (`decks.outline`), so the preview splits text into continuation slides exactly like the
 * PowerPoint; it is fetched again after each save (`version`) and when cases change.
 */
export function DeckPreview(props: { deckId: string; version: number; stale: boolean }) {
  const { t } = useI18n()
  const [state, setState] = useState<OutlineState>({ kind: 'loading' })
  const [libraryGeneration, setLibraryGeneration] = useState(0)

  useEffect(
    () => api.onEvent((e) => e.type === 'library.changed' && setLibraryGeneration((g) => g + 1)),
    [],
  )

  useEffect(() => {
    let cancelled = false
    const timer = setTimeout(() => {
      void api.call('decks.outline', props.deckId).then((r) => {
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
  }, [props.deckId, props.version, libraryGeneration])

  const slides = state.kind === 'ready' ? state.outline.slides : []
  return (
    <section
      className="deck-preview"
      aria-labelledby="deck-preview-title"
      aria-busy={state.kind === 'loading'}
    >
      <h2 id="deck-preview-title" className="section-label">
        {state.kind === 'ready' ? t('deck.preview', { n: slides.length }) : t('deck.previewTitle')}
      </h2>
      {props.stale && <p className="preview-stale">{t('deck.previewStale')}</p>}
      {state.kind === 'loading' && <p className="muted">{t('deck.previewLoading')}</p>}
      {state.kind === 'failed' && (
        <p className="banner error" role="alert">
          {t('deck.previewFailed', { reason: state.message })}
        </p>
      )}
      {state.kind === 'ready' && slides.length <= 1 && (
        <p className="muted small">{t('deck.previewEmpty')}</p>
      )}
      <ol className="slide-list">
        {slides.map((slide, i) => (
          <li key={i}>
            <SlidePreview slide={slide} number={i + 1} />
          </li>
        ))}
      </ol>
    </section>
  )
}
