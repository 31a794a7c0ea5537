import { useEffect, useState } from 'react'
import type { DeckSummary } from '../../../common/model'
import { api } from '../api'
import { Dialog } from '../components/Dialog'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../routing/use-route'
import './decks-list.css'
import { useNotify } from '../hooks/notify'

/** The trainer's decks: each with its title, date and size; create one; delete with a confirm. */
export function DecksPage() {
  const notify = useNotify()
  const { t } = useI18n()
  const [decks, setDecks] = useState<DeckSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const [title, setTitle] = useState('')
  const [titleError, setTitleError] = useState(false)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<DeckSummary | null>(null)

  useEffect(() => {
    void api.call('decks.list').then((r) => {
      if (r.ok) setDecks(r.value.decks)
      else setLoadError(r.error.message)
    })
  }, [generation])
  useEffect(
    () => api.onEvent((e) => e.type === 'library.changed' && setGeneration((g) => g + 1)),
    [],
  )

  const create = async () => {
    if (!title.trim()) {
      setTitleError(true)
      return
    }
    setCreating(true)
    const result = await api.call('decks.create', { title: title.trim(), items: [] })
    setCreating(false)
    if (!result.ok) return notify(result.error.message)
    setTitle('')
    navigate({ name: 'deck', id: result.value.id })
  }

  const remove = async (deck: DeckSummary) => {
    setDeleting(null)
    const result = await api.call('decks.remove', deck.id)
    if (!result.ok) return notify(result.error.message)
    notify(t('decks.deleted', { title: deck.title }))
    setGeneration((g) => g + 1)
  }

  return (
    <section className="page decks-page" aria-labelledby="decks-title">
      <h1 id="decks-title">{t('decks.title')}</h1>
      <p className="muted">{t('decks.lead')}</p>
      <form
        className="deck-create"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <label htmlFor="new-deck-title">{t('decks.newTitle')}</label>
        <div className="deck-create-row">
          <input
            id="new-deck-title"
            type="text"
            value={title}
            maxLength={200}
            required
            placeholder={t('decks.newPlaceholder')}
            aria-invalid={titleError || undefined}
            aria-describedby={titleError ? 'new-deck-title-error' : undefined}
            onChange={(e) => {
              setTitle(e.target.value)
              if (e.target.value.trim()) setTitleError(false)
            }}
          />
          <button type="submit" className="button primary" disabled={creating}>
            {t('decks.create')}
          </button>
        </div>
        {titleError && (
          <p id="new-deck-title-error" className="field-error" role="alert">
            {t('decks.titleRequired')}
          </p>
        )}
      </form>
      {loadError && (
        <p className="banner error" role="alert">
          {loadError}
        </p>
      )}
      {decks === null && !loadError ? (
        <p className="muted">{t('app.loading')}</p>
      ) : decks && decks.length === 0 ? (
        <div className="decks-empty">
          <h2>{t('decks.emptyTitle')}</h2>
          <p>{t('decks.empty')}</p>
        </div>
      ) : (
        <ul className="deck-list" aria-label={t('decks.listLabel')}>
          {decks?.map((deck) => (
            <li key={deck.id} className={deck.damaged ? 'damaged' : undefined}>
              <div className="deck-list-main">
                <a className="deck-list-title" href={`#/decks/${deck.id}`}>
                  {deck.title}
                </a>
                {deck.subtitle && <p className="deck-list-subtitle">{deck.subtitle}</p>}
                <p className="muted small">
                  {[deck.date, t('decks.counts', { cases: deck.caseCount, items: deck.itemCount })]
                    .filter(Boolean)
                    .join('・')}
                </p>
                {deck.damaged && (
                  <p className="field-error">{t('decks.damaged', { reason: deck.damaged })}</p>
                )}
              </div>
              <button
                type="button"
                className="button danger small"
                aria-label={t('decks.deleteLabel', { title: deck.title })}
                onClick={() => setDeleting(deck)}
              >
                {t('decks.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <Dialog title={t('decks.deleteConfirmTitle')} onClose={() => setDeleting(null)}>
          <p>{t('decks.deleteConfirm', { title: deleting.title })}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDeleting(null)}>
              {t('decks.cancel')}
            </button>
            <button type="button" className="button danger" onClick={() => void remove(deleting)}>
              {t('decks.delete')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
