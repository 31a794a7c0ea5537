import { useEffect, useState } from 'react'
import type { DeckItem } from '../../../common/decks/deck-schema'
import { deckWithoutHash, type SavedDeck } from '../../../common/decks/saved-deck'
import type { DeckSummary } from '../../../common/model'
import { api } from '../api'
import { Dialog } from '../components/Dialog'
import { navigate } from '../routing/use-route'
import { useI18n } from '../i18n/i18n'
import { newCaseIds } from './deck-items'
import './decks-list.css'
import { useNotify } from '../hooks/notify'

/** Shows a notice, optionally with an action (here: open the deck). */
/**
 * 「スライドに追加」: opens a small dialog listing the decks plus a form for a new one. Adding
 * appends each case the deck does not have yet (following the deck's preset) and saves the
 * deck; the notice names the deck and offers to open it.
 */
export function AddToDeckButton({ caseIds }: { caseIds: string[] }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('addToDeck.button')}
      </button>
      {open && <AddToDeckDialog caseIds={caseIds} onClose={() => setOpen(false)} />}
    </>
  )
}

const caseItem = (caseId: string): DeckItem => ({ kind: 'case', caseId })

function AddToDeckDialog(props: { caseIds: string[]; onClose(): void }) {
  const notify = useNotify()
  const { t } = useI18n()
  const open = (deck: { id: string; title: string }) => ({
    label: t('addToDeck.open', { title: deck.title }),
    run: () => navigate({ name: 'deck', id: deck.id }),
  })
  const [decks, setDecks] = useState<DeckSummary[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [titleError, setTitleError] = useState(false)

  useEffect(() => {
    void api.call('decks.list').then((r) => {
      if (r.ok) setDecks(r.value.decks.filter((d) => !d.damaged))
      else setError(r.error.message)
    })
  }, [])

  const addTo = async (deck: SavedDeck) => {
    const ids = newCaseIds(deck.items, props.caseIds)
    if (ids.length === 0) {
      notify(t('addToDeck.already', { title: deck.title }), open(deck))
      return props.onClose()
    }
    const items = [...deck.items, ...ids.map(caseItem)]
    // Against the file as just read: a deck saved by someone else in between is not overwritten.
    const saved = await api.call('decks.save', { ...deckWithoutHash(deck), items }, deck.fileHash)
    if (!saved.ok) return setError(t('addToDeck.failed', { reason: saved.error.message }))
    notify(t('addToDeck.added', { title: deck.title, n: ids.length }), open(deck))
    props.onClose()
  }

  const addToExisting = async (id: string) => {
    setBusy(true)
    setError(null)
    const result = await api.call('decks.get', id)
    if (result.ok) await addTo(result.value)
    else setError(t('addToDeck.failed', { reason: result.error.message }))
    setBusy(false)
  }

  // A new deck is created with its cases in one write, so a failure leaves no empty deck behind.
  const createWith = async (deckTitle: string) => {
    setBusy(true)
    setError(null)
    const ids = newCaseIds([], props.caseIds)
    const result = await api.call('decks.create', { title: deckTitle, items: ids.map(caseItem) })
    setBusy(false)
    if (!result.ok) return setError(t('addToDeck.failed', { reason: result.error.message }))
    const deck = result.value
    notify(t('addToDeck.added', { title: deck.title, n: ids.length }), open(deck))
    props.onClose()
  }

  return (
    <Dialog title={t('addToDeck.title')} onClose={props.onClose}>
      {error && (
        <p className="banner error add-to-deck-error" role="alert">
          {error}
        </p>
      )}
      <h3 className="add-to-deck-heading">{t('addToDeck.existing')}</h3>
      {decks === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : decks.length === 0 ? (
        <p className="muted small">{t('addToDeck.noDecks')}</p>
      ) : (
        <ul className="add-to-deck-list">
          {decks.map((deck) => (
            <li key={deck.id}>
              <button
                type="button"
                className="add-to-deck-choice"
                disabled={busy}
                aria-label={t('addToDeck.deckLabel', { title: deck.title, cases: deck.caseCount })}
                onClick={() => void addToExisting(deck.id)}
              >
                <span className="add-to-deck-title">{deck.title}</span>
                <span className="muted small">
                  {t('decks.counts', { cases: deck.caseCount, items: deck.itemCount })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="add-to-deck-new"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!title.trim()) return setTitleError(true)
          void createWith(title.trim())
        }}
      >
        <label htmlFor="add-to-deck-title">{t('addToDeck.newTitle')}</label>
        <div className="deck-create-row">
          <input
            id="add-to-deck-title"
            type="text"
            value={title}
            maxLength={200}
            required
            aria-invalid={titleError || undefined}
            aria-describedby={titleError ? 'add-to-deck-title-error' : undefined}
            onChange={(e) => {
              setTitle(e.target.value)
              if (e.target.value.trim()) setTitleError(false)
            }}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t('addToDeck.new')}
          </button>
        </div>
        {titleError && (
          <p id="add-to-deck-title-error" className="field-error" role="alert">
            {t('decks.titleRequired')}
          </p>
        )}
      </form>
    </Dialog>
  )
}
