import { useId, useState, type DragEvent } from 'react'
import {
  DECK_SECTIONS,
  type Deck,
  type DeckItem,
  type DeckSection,
} from '../../../common/decks/deck-schema'
import { sectionsOf } from '../../../common/decks/deck-presets'
import type { SectionText } from '../../../common/decks/slide-types'
import { useI18n } from '../i18n/i18n'
import { CasePresetSelect } from './CasePresetSelect'
import { SectionTexts } from './SectionTexts'
import { orderedSections, sectionKey } from './section-labels'

interface Props {
  item: DeckItem
  itemKey: number
  index: number
  count: number
  /** The case's title, or null when the case no longer exists. */
  caseTitle: string | null
  titleError?: boolean
  /** The deck's preset, which a case item follows unless it chose its own sections. */
  deck: Pick<Deck, 'preset'>
  /** The slide texts of this item's sections (from the outline of the deck as edited). */
  texts: SectionText[]
  /** The case's current revision. */
  revision?: number
  dropHint?: 'before' | 'after'
  dragging: boolean
  onChange(item: DeckItem): void
  onMove(to: number): void
  onRemove(): void
  onDragStart(e: DragEvent<HTMLLIElement>): void
  onDragOver(e: DragEvent<HTMLLIElement>): void
  onDrop(e: DragEvent<HTMLLIElement>): void
  onDragEnd(): void
}

/** One deck item in the builder: its place in the order, and what it shows. */
export function DeckItemRow(props: Props) {
  const { t } = useI18n()
  const { item, index, count } = props
  const [open, setOpen] = useState(item.kind === 'text' && item.title === '')
  const panelId = useId()
  const missing = item.kind === 'case' && props.caseTitle === null
  const label =
    item.kind === 'case'
      ? (props.caseTitle ?? t('deck.missing', { id: item.caseId }))
      : item.title || t('deck.textUntitled')

  const classes = [
    'deck-item',
    `kind-${item.kind}`,
    missing ? 'missing' : '',
    props.dragging ? 'dragging' : '',
    props.dropHint ? `drop-${props.dropHint}` : '',
  ]
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-key={props.itemKey}
      draggable={!open}
      onDragStart={props.onDragStart}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      onDragEnd={props.onDragEnd}
    >
      <div className="deck-item-row">
        <span className="drag-handle" title={t('deck.dragHandle')} aria-hidden="true">
          ⋮⋮
        </span>
        <span className="deck-item-index" aria-hidden="true">
          {index + 1}
        </span>
        <div className="deck-item-main">
          <span className={`deck-item-kind kind-${item.kind}`}>
            {item.kind === 'case' ? t('deck.caseItem') : t('deck.textItem')}
          </span>
          <span className="deck-item-title">{label}</span>
          {missing && <p className="deck-item-warning">{t('deck.missingHelp')}</p>}
          {!missing && (
            <button
              type="button"
              className="deck-item-toggle"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen(!open)}
            >
              {open
                ? t('deck.closeEdit')
                : item.kind === 'case'
                  ? t('deck.sections', {
                      n: sectionsOf(props.deck, item).length,
                      total: DECK_SECTIONS.length,
                    })
                  : t('deck.edit')}
            </button>
          )}
        </div>
        <div className="deck-item-actions">
          <button
            type="button"
            className="icon-button move"
            data-move="up"
            aria-label={t('deck.moveUp', { title: label })}
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button move"
            data-move="down"
            aria-label={t('deck.moveDown', { title: label })}
            disabled={index === count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button remove"
            aria-label={t('deck.remove', { title: label })}
            onClick={props.onRemove}
          >
            ×
          </button>
        </div>
      </div>
      {open && !missing && (
        <div id={panelId} className="deck-item-panel">
          {item.kind === 'case' ? (
            <>
              <CasePresetSelect item={item} title={label} onChange={props.onChange} />
              <SectionPicker
                title={label}
                sections={sectionsOf(props.deck, item)}
                own={item.sections !== undefined}
                onChange={(sections) => {
                  const next = { ...item }
                  if (sections) next.sections = sections
                  else delete next.sections
                  props.onChange(next)
                }}
              />
              <SectionTexts
                item={item}
                texts={props.texts}
                caseTitle={label}
                revision={props.revision}
                onChange={props.onChange}
              />
            </>
          ) : (
            <TextSlideFields
              title={item.title}
              body={item.body}
              titleError={props.titleError}
              onChange={(fields) => props.onChange({ ...item, ...fields })}
            />
          )}
        </div>
      )}
    </li>
  )
}

function SectionPicker(props: {
  title: string
  sections: DeckSection[]
  /** Whether the case chose its own sections (else it follows the deck's preset). */
  own: boolean
  /** Undefined: follow the deck's preset again. */
  onChange(sections: DeckSection[] | undefined): void
}) {
  const { t } = useI18n()
  const chosen = new Set(props.sections)
  return (
    <fieldset className="section-picker">
      <legend>{t('deck.sectionsLegend', { title: props.title })}</legend>
      <div className="section-grid">
        {DECK_SECTIONS.map((section) => (
          <label key={section} className="section-option">
            <input
              type="checkbox"
              checked={chosen.has(section)}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(section)
                else next.delete(section)
                props.onChange(orderedSections(next))
              }}
            />
            {t(sectionKey(section))}
          </label>
        ))}
      </div>
      <div className="section-shortcuts">
        <button
          type="button"
          className="link-button"
          onClick={() => props.onChange([...DECK_SECTIONS])}
        >
          {t('deck.allSections')}
        </button>
        <button type="button" className="link-button" onClick={() => props.onChange([])}>
          {t('deck.noSections')}
        </button>
        {props.own && (
          <button type="button" className="link-button" onClick={() => props.onChange(undefined)}>
            {t('deck.followPreset')}
          </button>
        )}
      </div>
    </fieldset>
  )
}

function TextSlideFields(props: {
  title: string
  body: string
  titleError?: boolean
  onChange(fields: { title?: string; body?: string }): void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="text-slide-fields">
      <label htmlFor={`${id}-title`}>{t('deck.textTitle')}</label>
      <input
        id={`${id}-title`}
        type="text"
        value={props.title}
        maxLength={200}
        autoFocus={props.title === ''}
        aria-invalid={props.titleError || undefined}
        aria-describedby={props.titleError ? `${id}-error` : undefined}
        onChange={(e) => props.onChange({ title: e.target.value })}
      />
      {props.titleError && (
        <p id={`${id}-error`} className="field-error">
          {t('deck.textTitleRequired')}
        </p>
      )}
      <label htmlFor={`${id}-body`}>{t('deck.textBody')}</label>
      <textarea
        id={`${id}-body`}
        rows={6}
        value={props.body}
        maxLength={20_000}
        onChange={(e) => props.onChange({ body: e.target.value })}
      />
    </div>
  )
}
