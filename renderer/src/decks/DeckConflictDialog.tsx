import type { Deck, DeckItem } from '../../../common/decks/deck-schema'
import { Dialog } from '../components/Dialog'
import { useI18n } from '../i18n/i18n'
import './deck-conflict.css'

interface Props {
  mine: Deck
  theirs: Deck
  /** How an item is named in the lists: a case by its title, a text slide by its own. */
  labelOf(item: DeckItem): string
  /** The title the copy gets when the user keeps both. */
  copyTitle: string
  onReload(): void
  onOverwrite(): void
  onKeepCopy(): void
  onCancel(): void
}

/**
 * A deck save refused because someone else saved the deck since it was opened: both versions
 * side by side (the case editor's conflict layout), and the ways out. Reloading is the only one
 * that drops an edit, and its button says so.
 */
export function DeckConflictDialog(props: Props) {
  const { t } = useI18n()
  const { mine, theirs, labelOf } = props
  return (
    <Dialog title={t('deckConflict.title')} onClose={props.onCancel} wide>
      <p>{t('deckConflict.body')}</p>
      <div className="conflict-columns">
        <DeckSide heading={t('deckConflict.mine')} deck={mine} labelOf={labelOf} />
        <DeckSide heading={t('deckConflict.theirs')} deck={theirs} labelOf={labelOf} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onReload}>
          {t('deckConflict.reload')}
        </button>
        <button type="button" className="button" onClick={props.onKeepCopy}>
          {t('deckConflict.keepCopy', { title: props.copyTitle })}
        </button>
        <button type="button" className="button danger" onClick={props.onOverwrite}>
          {t('deckConflict.overwrite')}
        </button>
        <button type="button" className="button primary" onClick={props.onCancel}>
          {t('deckConflict.cancel')}
        </button>
      </div>
    </Dialog>
  )
}

function DeckSide(props: { heading: string; deck: Deck; labelOf(item: DeckItem): string }) {
  const { t } = useI18n()
  const { deck } = props
  return (
    <section aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <p className="conflict-title">{deck.title}</p>
      {deck.subtitle && <p className="deck-conflict-subtitle">{deck.subtitle}</p>}
      <p className="muted small">{t('deckConflict.itemCount', { n: deck.items.length })}</p>
      <ol className="conflict-body deck-conflict-items">
        {deck.items.map((item, index) => (
          <li key={index}>{props.labelOf(item)}</li>
        ))}
      </ol>
    </section>
  )
}
