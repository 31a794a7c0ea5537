import { useId } from 'react'
import { DECK_PRESETS, type DeckCaseItem, type DeckPreset } from '../../../common/decks/deck-schema'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

const NAMES: Record<DeckPreset, MessageKey> = {
  summary: 'preset.summary',
  standard: 'preset.standard',
  detailed: 'preset.detailed',
}

/**
 * One case's own preset (e.g. 詳細 for the case the session dwells on): choosing one drops the
 * case's hand-picked sections so the preset's apply; 「デッキに従う」 goes back to the deck's.
 */
export function CasePresetSelect(props: {
  item: DeckCaseItem
  title: string
  onChange(item: DeckCaseItem): void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="case-preset">
      <label htmlFor={id}>{t('deck.casePresetShort')}</label>
      <select
        id={id}
        aria-label={t('deck.casePreset', { title: props.title })}
        value={props.item.preset ?? ''}
        onChange={(e) => {
          const next: DeckCaseItem = { ...props.item }
          delete next.sections
          if (e.target.value) next.preset = e.target.value as DeckPreset
          else delete next.preset
          props.onChange(next)
        }}
      >
        <option value="">{t('deck.casePresetDeck')}</option>
        {DECK_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {t(NAMES[preset])}
          </option>
        ))}
      </select>
    </div>
  )
}
