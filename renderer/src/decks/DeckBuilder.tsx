import { useMemo, useRef, useState } from 'react'
import { applyPreset } from '../../../common/decks/deck-presets'
import type { Deck, DeckItem } from '../../../common/decks/deck-schema'
import type { CaseMeta, PartnerType } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import { CasePicker } from './CasePicker'
import { DeckConflictDialog } from './DeckConflictDialog'
import { DeckItemRow } from './DeckItemRow'
import { DeckMetaFields } from './DeckMetaFields'
import { DeckPreview } from './DeckPreview'
import { ExportBar } from './ExportBar'
import { PresetBar } from './PresetBar'
import { keyItem, keyItems, newCaseIds } from './deck-items'
import { useDeckConflict } from './use-deck-conflict'
import { useDeckDraft } from './use-deck-draft'
import { useDeckOutline } from './use-deck-outline'
import { useItemDrag } from './use-item-drag'
import './deck-builder.css'
import './deck-items.css'

interface Props {
  id: string
  cases: CaseMeta[]
  partnerTypes: PartnerType[]
}

/**
 * The trainer's deck builder: the cover's fields, the preset for every case, the ordered items
 * (drag and drop or the move buttons), each case's sections and editable slide texts, free
 * text slides, save, export, and a live preview of every slide of the deck as edited.
 */
export function DeckBuilder({ id, cases, partnerTypes }: Props) {
  const { t } = useI18n()
  const draft = useDeckDraft(id)
  const conflict = useDeckConflict(draft)
  const { meta, items, setItems } = draft
  const [announcement, setAnnouncement] = useState('')
  const [picking, setPicking] = useState(false)
  const list = useRef<HTMLOListElement>(null)

  const byId = useMemo(() => new Map(cases.map((c) => [c.id, c])), [cases])
  const labelOf = (item: DeckItem) =>
    item.kind === 'case'
      ? (byId.get(item.caseId)?.title ?? t('deck.missing', { id: item.caseId }))
      : item.title || t('deck.textUntitled')
  const { move, rowProps } = useItemDrag(items, setItems, list, (moved, n) =>
    setAnnouncement(t('deck.moved', { title: labelOf(moved.item), n })),
  )
  const outline = useDeckOutline(draft.draft && previewable(draft.draft, t('deck.textUntitled')))

  if (draft.loadError)
    return (
      <div className="empty-state" role="alert">
        <h1>{t('deck.notFound')}</h1>
        <p>{draft.loadError.message}</p>
        <a href="#/decks">{t('deck.back')}</a>
      </div>
    )
  if (!draft.ready || !meta) return <p className="muted pad">{t('app.loading')}</p>

  const { saveState, dirty } = draft
  const inDeck = new Set(items.flatMap(({ item }) => (item.kind === 'case' ? [item.caseId] : [])))
  const texts = outline.kind === 'ready' ? outline.outline.texts : []
  const customised = items.filter(
    ({ item }) => item.kind === 'case' && (item.sections || item.preset),
  ).length
  const addCases = (ids: string[]) => {
    const fresh = newCaseIds(
      items.map((e) => e.item),
      ids,
    )
    setItems([...items, ...keyItems(fresh.map((caseId) => ({ kind: 'case', caseId })))])
    setAnnouncement(t('picker.added', { n: fresh.length }))
    setPicking(false)
  }

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
          onClick={() => void draft.save()}
          disabled={saveState.kind === 'saving'}
          aria-keyshortcuts="Control+S"
        >
          {t('deck.save')}
        </button>
      </header>
      <ExportBar deckId={id} beforeExport={() => (dirty ? draft.save() : Promise.resolve(true))} />
      {saveState.kind === 'failed' && (
        <div className="banner error" role="alert">
          {saveState.message}
        </div>
      )}
      <div className="deck-columns">
        <div className="deck-editor">
          <DeckMetaFields
            meta={meta}
            titleError={draft.showErrors && !meta.title.trim()}
            onChange={draft.setMeta}
          />
          <PresetBar
            preset={draft.preset}
            customised={customised}
            onApply={(preset) => {
              const next = applyPreset({ preset, items: items.map((e) => e.item) }, preset)
              draft.setPreset(preset)
              setItems(items.map((e, i) => ({ ...e, item: next.items[i]! })))
            }}
          />
          <section className="deck-items" aria-labelledby="deck-items-title">
            <h2 id="deck-items-title" className="section-label">
              {t('deck.items', { n: items.length })}
            </h2>
            <p className="muted small">{t('deck.itemsHelp')}</p>
            {items.length === 0 && <p className="deck-items-empty">{t('deck.noItems')}</p>}
            <ol ref={list} className="deck-item-list" aria-labelledby="deck-items-title">
              {items.map((entry, index) => {
                const caseMeta =
                  entry.item.kind === 'case' ? byId.get(entry.item.caseId) : undefined
                return (
                  <DeckItemRow
                    key={entry.key}
                    item={entry.item}
                    itemKey={entry.key}
                    index={index}
                    count={items.length}
                    caseTitle={caseMeta?.title ?? null}
                    deck={{ preset: draft.preset }}
                    texts={texts.filter((x) => x.itemIndex === index && x.caseId === caseMeta?.id)}
                    revision={caseMeta?.revision}
                    titleError={draft.showErrors && draft.emptyTextKeys.has(entry.key)}
                    {...rowProps(index)}
                    onChange={(item) =>
                      setItems(items.map((e) => (e.key === entry.key ? { ...e, item } : e)))
                    }
                    onMove={(to) => move(index, to, to < index ? 'up' : 'down')}
                    onRemove={() => setItems(items.filter((e) => e.key !== entry.key))}
                  />
                )
              })}
            </ol>
            <div className="visually-hidden" aria-live="polite">
              {announcement}
            </div>
            <div className="deck-add">
              <button
                type="button"
                className="button"
                aria-haspopup="dialog"
                onClick={() => setPicking(true)}
              >
                ＋ {t('deck.addCase')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => setItems([...items, keyItem({ kind: 'text', title: '', body: '' })])}
              >
                ＋ {t('deck.addText')}
              </button>
            </div>
          </section>
        </div>
        <DeckPreview state={outline} />
      </div>
      {conflict && (
        <DeckConflictDialog
          mine={conflict.mine}
          theirs={conflict.theirs}
          labelOf={labelOf}
          copyTitle={conflict.copyTitle}
          onReload={conflict.reload}
          onOverwrite={conflict.overwrite}
          onKeepCopy={() => void conflict.keepCopy()}
          onCancel={conflict.cancel}
        />
      )}
      {picking && (
        <CasePicker
          cases={cases}
          partnerTypes={partnerTypes}
          inDeck={inDeck}
          onAdd={addCases}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  )
}

/**
 * The deck as the preview can ask for it while it is being typed: a title, or a free slide's
 * title, that is still empty would fail validation, so it stands in with a placeholder.
 */
function previewable(deck: Deck, untitled: string): Deck {
  return {
    ...deck,
    title: deck.title || untitled,
    items: deck.items.map((item) =>
      item.kind === 'text' && !item.title ? { ...item, title: untitled } : item,
    ),
  }
}
