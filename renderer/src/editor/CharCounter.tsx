import { useI18n } from '../i18n/i18n'

/** How many characters a limited text has, red past the limit (the save then refuses it). */
export function CharCounter({ value, max }: { value: string; max: number }) {
  const { t } = useI18n()
  // Counted as the schema counts (UTF-16 units of the trimmed text), so the two never disagree.
  const n = value.trim().length
  const over = n - max
  return (
    <p className={`char-counter${over > 0 ? ' over' : ''}`} aria-live="polite">
      {over > 0 ? t('field.counterOver', { n, max, over }) : t('field.counter', { n, max })}
    </p>
  )
}
