import type { TrashedCase } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { formatDate } from '../format/dates'
import { useI18n } from '../i18n/i18n'
import { useNotify } from '../hooks/notify'

/** Deleted cases, newest first, each restorable. */
export function TrashView() {
  const notify = useNotify()
  const { t, language } = useI18n()
  const loaded = useApiValue(() => api.call('cases.trash'), [], { refreshOn: onLibraryChange })
  const cases: TrashedCase[] | null = loaded.value?.cases ?? (loaded.error ? [] : null)

  const restore = async (entry: TrashedCase) => {
    const result = await api.call('cases.restore', entry.id)
    if (result.ok) notify(t('trash.restored', { title: entry.title }))
    else notify(result.error.message)
    loaded.reload()
  }

  return (
    <section className="page" aria-labelledby="trash-title">
      <h1 id="trash-title">{t('trash.title')}</h1>
      {cases === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : cases.length === 0 ? (
        <p className="empty-state">{t('trash.empty')}</p>
      ) : (
        <ul className="trash-list">
          {cases.map((entry) => (
            <li key={`${entry.id}-${entry.deletedAt}`}>
              <div>
                <strong>{entry.title}</strong>
                <div className="muted small">
                  {t('trash.deletedAt', {
                    date: `${formatDate(entry.deletedAt, language)} ${new Date(entry.deletedAt).toLocaleTimeString(language)}`,
                  })}
                </div>
              </div>
              <button type="button" className="button" onClick={() => void restore(entry)}>
                {t('trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
