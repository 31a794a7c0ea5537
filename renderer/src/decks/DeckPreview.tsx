import { useI18n } from '../i18n/i18n'
import { SlidePreview } from './SlidePreview'
import type { OutlineState } from './use-deck-outline'
import './slide-preview.css'
import './slide-figures.css'

/**
 * Every slide of the deck as it is being edited, as the exports will draw it (the outline
 * comes from main through `decks.preview`, unsaved changes included).
 */
export function DeckPreview({ state }: { state: OutlineState }) {
  const { t } = useI18n()
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
