import type { PartnerType } from '../../../common/model'
import { useI18n } from '../i18n/i18n'

/** A partner type as a coloured chip; unknown keys (from another library) show as the key. */
export function PartnerChip({ typeKey, types }: { typeKey: string; types: PartnerType[] }) {
  const { language } = useI18n()
  const type = types.find((t) => t.key === typeKey)
  const label = type ? (language === 'ja' ? type.ja : type.en) : typeKey
  // Chips are small: a label's parenthesised explanation is left to the tooltip.
  const short = label.replace(/\s*[（(].*$/, '')
  return (
    <span className="chip" style={{ borderColor: type?.color, color: type?.color }} title={label}>
      <span className="chip-dot" style={{ background: type?.color ?? '#888' }} aria-hidden="true" />
      {short}
    </span>
  )
}

export function partnerTypeLabel(types: PartnerType[], key: string, language: 'ja' | 'en'): string {
  const type = types.find((t) => t.key === key)
  return type ? (language === 'ja' ? type.ja : type.en) : key
}
