import { DECK_PRESETS, type DeckPreset } from '../../../common/decks/deck-schema'
import { DEFAULT_PRESET } from '../../../common/decks/deck-presets'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

const LABELS: Record<DeckPreset, { name: MessageKey; help: MessageKey }> = {
  summary: { name: 'preset.summary', help: 'preset.summaryHelp' },
  standard: { name: 'preset.standard', help: 'preset.standardHelp' },
  detailed: { name: 'preset.detailed', help: 'preset.detailedHelp' },
}

/**
 * How much of every case the deck shows: 概要, 標準 or 詳細. Choosing one applies it to all
 * cases at once (their own section choices are dropped; their slide texts stay).
 */
export function PresetBar(props: {
  preset: DeckPreset | undefined
  /** Cases that chose their own sections or preset. */
  customised: number
  onApply(preset: DeckPreset): void
}) {
  const { t } = useI18n()
  const current = props.preset ?? DEFAULT_PRESET
  return (
    <fieldset className="preset-bar">
      <legend className="section-label">{t('preset.legend')}</legend>
      <div className="preset-options" role="radiogroup" aria-label={t('preset.legend')}>
        {DECK_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            role="radio"
            aria-checked={current === preset}
            className={`preset-option${current === preset ? ' selected' : ''}`}
            onClick={() => props.onApply(preset)}
          >
            <span className="preset-name">{t(LABELS[preset].name)}</span>
            <span className="preset-help">{t(LABELS[preset].help)}</span>
          </button>
        ))}
      </div>
      {props.customised > 0 && (
        <p className="muted small">{t('preset.customised', { n: props.customised })}</p>
      )}
    </fieldset>
  )
}
