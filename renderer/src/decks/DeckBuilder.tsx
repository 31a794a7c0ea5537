import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { DEFAULT_DECK_SECTIONS, type Deck, type DeckItem } from '../../../common/decks/deck-schema'
import type { CaseMeta, PartnerType } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from '../hooks/save-state'
import { useSaveShortcut } from '../hooks/use-save-shortcut'
import { useUnsavedGuard } from '../hooks/use-unsaved-guard'
import { DeckItemRow } from './DeckItemRow'
import { DeckMetaFields, type DeckMeta } from './DeckMetaFields'
import { DeckPreview } from './DeckPreview'
import { ExportBar } from './ExportBar'
import { keyItem, keyItems, moveItem, type KeyedItem } from './deck-items'
import './decks.css'

interface Props {
  id: string
  cases: CaseMeta[]
  partnerTypes: PartnerType[]
  notify(message: string): void
}

interface DragState {
  from: number
  over?: number
  hint?: 'before' | 'after'
}

/** The deck as it would be written: optional fields left out when empty, titles trimmed. */
function deckOf(id: string, meta: DeckMeta, items: KeyedItem[]): Deck {
  const optional = (value: string) => value.trim() || undefined
  return {
    schema: 1,
    id,
    title: meta.title.trim(),
    subtitle: optional(meta.subtitle),
    author: optional(meta.author),
    date: optional(meta.date),
    items: items.map(({ item }) =>
      item.kind === 'text' ? { ...item, title: item.title.trim() } : item,
    ),
  }
}

/**
 * The trainer's deck builder: the title slide's fields, the ordered items (drag and drop or
 * the move buttons), the sections of each case, free text slides, save, export, and a preview
 * of every slide of the saved deck.
 */
export function DeckBuilder({ id, cases, notify }: Props) {
  const { t } = useI18n()
  const [loadError, setLoadError] = useState<{ id: string; message: string } | null>(null)
  // Which deck the state below belongs to: the same builder stays mounted when the route
  // moves to another deck, and must not show the previous one while the next loads.
  const [loadedId, setLoadedId] = useState<string | null>(null)
  const [meta, setMeta] = useState<DeckMeta | null>(null)
  const [items, setItems] = useState<KeyedItem[]>([])
  const [snapshot, setSnapshot] = useState('')
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [showErrors, setShowErrors] = useState(false)
  const [version, setVersion] = useState(0)
  const [announcement, setAnnouncement] = useState('')
  const [drag, setDrag] = useState<DragState | null>(null)
  const [caseToAdd, setCaseToAdd] = useState('')
  const pendingFocus = useRef<{ key: number; direction: 'up' | 'down' } | null>(null)
  const list = useRef<HTMLOListElement>(null)

  useEffect(() => {
    let cancelled = false
    void api.call('decks.get', id).then((r) => {
      if (cancelled) return
      if (!r.ok) return setLoadError({ id, message: r.error.message })
      const deck = r.value
      const loaded = {
        title: deck.title,
        subtitle: deck.subtitle ?? '',
        author: deck.author ?? '',
        date: deck.date ?? '',
      }
      const keyed = keyItems(deck.items)
      setMeta(loaded)
      setItems(keyed)
      setSnapshot(JSON.stringify(deckOf(id, loaded, keyed)))
      setLoadedId(id)
    })
    return () => {
      cancelled = true
    }
  }, [id])

  const titles = useMemo(() => new Map(cases.map((c) => [c.id, c.title])), [cases])
  const current = meta ? JSON.stringify(deckOf(id, meta, items)) : ''
  const dirty = meta !== null && loadedId === id && current !== snapshot
  const emptyTextKeys = new Set(
    items.filter(({ item }) => item.kind === 'text' && !item.title.trim()).map((e) => e.key),
  )

  const save = useCallback(async (): Promise<boolean> => {
    if (!meta || loadedId !== id) return false
    const problems = [
      ...(meta.title.trim() ? [] : [t('decks.titleRequired')]),
      ...(emptyTextKeys.size ? [t('deck.textTitleRequired')] : []),
    ]
    if (problems.length) {
      setShowErrors(true)
      setSaveState({
        kind: 'failed',
        message: t('deck.invalid', { problems: problems.join('、') }),
      })
      return false
    }
    setSaveState({ kind: 'saving' })
    const deck = deckOf(id, meta, items)
    const result = await api.call('decks.save', deck)
    if (!result.ok) {
      setSaveState({
        kind: 'failed',
        message: t('deck.saveFailed', { reason: result.error.message }),
      })
      return false
    }
    setShowErrors(false)
    setSnapshot(JSON.stringify(deck))
    setSaveState({ kind: 'saved' })
    setVersion((v) => v + 1)
    return true
  }, [id, loadedId, meta, items, emptyTextKeys.size, t])

  useSaveShortcut(() => void save())
  useUnsavedGuard(dirty, t('deck.leaveConfirm'))

  // Keyboard moves keep focus on the moved item: its move button, or the other one at an end.
  useEffect(() => {
    const target = pendingFocus.current
    if (!target || !list.current) return
    pendingFocus.current = null
    const row = list.current.querySelector(`[data-key="${target.key}"]`)
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"]`)
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${target.direction === 'up' ? 'down' : 'up'}"]`,
    )
    ;(wanted && !wanted.disabled ? wanted : other)?.focus()
  }, [items])

  const labelOf = (item: DeckItem) =>
    item.kind === 'case'
      ? (titles.get(item.caseId) ?? t('deck.missing', { id: item.caseId }))
      : item.title || t('deck.textUntitled')

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    const next = moveItem(items, from, to)
    if (next === items) return
    const moved = items[from]!
    if (focus) pendingFocus.current = { key: moved.key, direction: focus }
    setItems(next)
    setAnnouncement(t('deck.moved', { title: labelOf(moved.item), n: next.indexOf(moved) + 1 }))
  }

  const dragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (!drag) return
    e.preventDefault()
    e.dataTransfer.dropEffect = 'move'
    const rect = e.currentTarget.getBoundingClientRect()
    const hint = e.clientY < rect.top + rect.height / 2 ? 'before' : 'after'
    if (drag.over !== index || drag.hint !== hint) setDrag({ ...drag, over: index, hint })
  }
  const drop = (e: DragEvent<HTMLLIElement>, index: number) => {
    e.preventDefault()
    if (!drag) return
    const rect = e.currentTarget.getBoundingClientRect()
    const after = e.clientY >= rect.top + rect.height / 2
    let to = after ? index + 1 : index
    if (drag.from < to) to -= 1
    setDrag(null)
    move(drag.from, to)
  }

  if (loadError?.id === id)
    return (
      <div className="empty-state" role="alert">
        <h1>{t('deck.notFound')}</h1>
        <p>{loadError.message}</p>
        <a href="#/decks">{t('deck.back')}</a>
      </div>
    )
  if (!meta || loadedId !== id) return <p className="muted pad">{t('app.loading')}</p>

  const inDeck = new Set(items.flatMap(({ item }) => (item.kind === 'case' ? [item.caseId] : [])))
  const addable = cases
    .filter((c) => !inDeck.has(c.id))
    .sort((a, b) => a.title.localeCompare(b.title, 'ja'))

  return (
    <div className="deck-builder">
      <header className="deck-header">
        <a className="deck-back" href="#/decks">
          ← {t('deck.back')}
        </a>
        <h1>{meta.title || t('deck.field.title')}</h1>
        <span className={`save-state${dirty ? ' dirty' : ''}`} role="status">
          {saveState.kind === 'saving' && t('deck.saving')}
          {saveState.kind === 'saved' && !dirty && t('deck.saved')}
          {dirty && saveState.kind !== 'saving' && t('deck.unsaved')}
        </span>
        <button
          type="button"
          className="button primary"
          onClick={() => void save()}
          disabled={saveState.kind === 'saving'}
          aria-keyshortcuts="Control+S"
        >
          {t('deck.save')}
        </button>
      </header>
      <ExportBar
        deckId={id}
        beforeExport={() => (dirty ? save() : Promise.resolve(true))}
        notify={notify}
      />
      {saveState.kind === 'failed' && (
        <div className="banner error" role="alert">
          {saveState.message}
        </div>
      )}
      <div className="deck-columns">
        <div className="deck-editor">
          <DeckMetaFields
            meta={meta}
            titleError={showErrors && !meta.title.trim()}
            onChange={setMeta}
          />
          <section className="deck-items" aria-labelledby="deck-items-title">
            <h2 id="deck-items-title" className="section-label">
              {t('deck.items', { n: items.length })}
            </h2>
            <p className="muted small">{t('deck.itemsHelp')}</p>
            {items.length === 0 && <p className="deck-items-empty">{t('deck.noItems')}</p>}
            <ol ref={list} className="deck-item-list" aria-labelledby="deck-items-title">
              {items.map((entry, index) => (
                <DeckItemRow
                  key={entry.key}
                  item={entry.item}
                  itemKey={entry.key}
                  index={index}
                  count={items.length}
                  caseTitle={
                    entry.item.kind === 'case' ? (titles.get(entry.item.caseId) ?? null) : null
                  }
                  titleError={showErrors && emptyTextKeys.has(entry.key)}
                  dragging={drag?.from === index}
                  dropHint={
                    drag && drag.over === index && drag.from !== index ? drag.hint : undefined
                  }
                  onChange={(item) =>
                    setItems((list) => list.map((e) => (e.key === entry.key ? { ...e, item } : e)))
                  }
                  onMove={(to) => move(index, to, to < index ? 'up' : 'down')}
                  onRemove={() => setItems((list) => list.filter((e) => e.key !== entry.key))}
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = 'move'
                    e.dataTransfer.setData('text/plain', String(index))
                    setDrag({ from: index })
                  }}
                  onDragOver={(e) => dragOver(e, index)}
                  onDrop={(e) => drop(e, index)}
                  onDragEnd={() => setDrag(null)}
                />
              ))}
            </ol>
            <div className="visually-hidden" aria-live="polite">
              {announcement}
            </div>
            <div className="deck-add">
              <form
                className="deck-add-case"
                onSubmit={(e) => {
                  e.preventDefault()
                  if (!caseToAdd) return
                  setItems((list) => [
                    ...list,
                    keyItem({
                      kind: 'case',
                      caseId: caseToAdd,
                      sections: [...DEFAULT_DECK_SECTIONS],
                    }),
                  ])
                  setCaseToAdd('')
                }}
              >
                <label htmlFor="deck-add-case">{t('deck.addCase')}</label>
                <select
                  id="deck-add-case"
                  value={caseToAdd}
                  onChange={(e) => setCaseToAdd(e.target.value)}
                >
                  <option value="">{t('deck.addCaseChoose')}</option>
                  {addable.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button" disabled={!caseToAdd}>
                  {t('deck.addCaseButton')}
                </button>
              </form>
              <button
                type="button"
                className="button"
                onClick={() =>
                  setItems((list) => [...list, keyItem({ kind: 'text', title: '', body: '' })])
                }
              >
                ＋ {t('deck.addText')}
              </button>
            </div>
          </section>
        </div>
        <DeckPreview deckId={id} version={version} stale={dirty} />
      </div>
    </div>
  )
}
