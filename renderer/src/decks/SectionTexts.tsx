import { useId } from 'react'
import type { DeckCaseItem, DeckSection } from '../../../common/decks/deck-schema'
import type { SectionText } from '../../../common/decks/slide-types'
import { useI18n } from '../i18n/i18n'
import { sectionKey } from './section-labels'

/**
 * The slide text of each chosen section of a case: the generated points, editable. An edit is
 * kept in the deck as an override of that section (with the case's revision, so a later change
 * of the case can be pointed out) and used by every export until it is reset.
 */
export function SectionTexts(props: {
  item: DeckCaseItem
  texts: SectionText[]
  caseTitle: string
  /** The case's current revision, recorded with an override. */
  revision: number | undefined
  onChange(item: DeckCaseItem): void
}) {
  const { t } = useI18n()
  const { item } = props
  if (props.texts.length === 0) return null

  const setOverride = (section: DeckSection, text: string | undefined) => {
    const overrides = { ...item.overrides }
    const revisions = { ...item.overrideRevisions }
    if (text === undefined) {
      delete overrides[section]
      delete revisions[section]
    } else {
      overrides[section] = text
      if (props.revision !== undefined) revisions[section] = props.revision
    }
    const next: DeckCaseItem = { ...item, overrides, overrideRevisions: revisions }
    if (Object.keys(overrides).length === 0) delete next.overrides
    if (Object.keys(revisions).length === 0) delete next.overrideRevisions
    props.onChange(next)
  }

  return (
    <div className="section-texts">
      <h3 className="section-texts-title">{t('deck.slideTexts')}</h3>
      <p className="muted small">{t('deck.slideTextsHelp')}</p>
      {props.texts.map((text) => (
        <SectionTextField
          key={text.section}
          text={text}
          override={item.overrides?.[text.section]}
          caseTitle={props.caseTitle}
          onChange={(value) => setOverride(text.section, value)}
        />
      ))}
    </div>
  )
}

function SectionTextField(props: {
  text: SectionText
  override: string | undefined
  caseTitle: string
  onChange(value: string | undefined): void
}) {
  const { t } = useI18n()
  const id = useId()
  const { text } = props
  const edited = props.override !== undefined
  const label = t(sectionKey(text.section))
  return (
    <div className={`section-text${edited ? ' edited' : ''}`}>
      <div className="section-text-head">
        <label htmlFor={id}>{label}</label>
        {edited && <span className="section-text-badge">{t('deck.slideTextEdited')}</span>}
        {edited && (
          <button
            type="button"
            className="link-button"
            aria-label={t('deck.slideTextResetLabel', { section: label, title: props.caseTitle })}
            onClick={() => props.onChange(undefined)}
          >
            {t('deck.slideTextReset')}
          </button>
        )}
      </div>
      {edited && text.stale && (
        <p className="section-text-stale" role="note">
          {t('deck.slideTextStale')}
        </p>
      )}
      <textarea
        id={id}
        rows={Math.min(10, Math.max(3, (props.override ?? text.generated).split('\n').length * 2))}
        value={props.override ?? text.generated}
        maxLength={5000}
        aria-label={t('deck.slideTextLabel', { section: label, title: props.caseTitle })}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  )
}
