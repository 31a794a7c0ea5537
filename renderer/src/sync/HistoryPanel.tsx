import type { CaseVersion } from '../../../common/model'
import { api } from '../api'
import { formatDate } from '../format/dates'
import { useI18n } from '../i18n/i18n'
import './sync.css'
import { useNotify } from '../hooks/notify'
import { useApiValue } from '../hooks/use-api-value'

/**
 * 履歴: a case's versions from the Git history of a synced library (who, when, what changed),
 * each restorable as a new save. Nothing is shown for a library that is not synced.
 */
export function HistoryPanel({ caseId, revision }: { caseId: string; revision: number }) {
  const notify = useNotify()
  const { t, language } = useI18n()
  // A new revision (a save or a sync) may have added a version.
  const loaded = useApiValue(() => api.call('history.list', caseId), [caseId, revision])
  const versions: CaseVersion[] = loaded.value?.versions ?? []
  if (versions.length === 0) return null

  const restore = async (version: CaseVersion) => {
    const date = formatDate(version.at, language)
    if (!window.confirm(t('history.restoreConfirm', { date }))) return
    const result = await api.call('history.restore', caseId, version.commit)
    notify(result.ok ? t('history.restored', { date }) : result.error.message)
  }

  return (
    <section className="history-panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <ol className="plain history-list">
        {versions.map((v, i) => (
          <li key={v.commit}>
            <strong>{v.author}</strong>{' '}
            <span className="muted small">
              {formatDate(v.at, language)}
              {v.revision !== undefined && <> ・{t('history.revision', { n: v.revision })}</>}
            </span>
            <span className="history-message muted" title={v.message}>
              {v.message}
            </span>
            {i > 0 && (
              <button type="button" className="link-button small" onClick={() => void restore(v)}>
                {t('history.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
