import { useI18n } from '../i18n/i18n'
import type { LocalDraft } from './local-draft'

interface Props {
  stored: LocalDraft
  onRestore(): void
  onDiscard(): void
}

/** Offers an edit kept on this computer after a failed save: restore it or throw it away. */
export function DraftBanner({ stored, onRestore, onDiscard }: Props) {
  const { t, language } = useI18n()
  const time = stored.keptAt
    ? new Date(stored.keptAt).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB')
    : ''
  return (
    <div className="banner" role="status">
      {t('draft.found', { time })}{' '}
      <button type="button" className="button small primary" onClick={onRestore}>
        {t('draft.restore')}
      </button>{' '}
      <button type="button" className="button small" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </div>
  )
}
