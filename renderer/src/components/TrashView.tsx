import { useEffect, useState } from 'react'
import type { TrashedCase } from '../../../common/model'
import { api } from '../api'
import { formatDate } from '../format/dates'
import { useI18n } from '../i18n/i18n'

/** Deleted cases, newest first, each restorable. */
export function TrashView({ notify }: { notify(message: string): void }) {
  const { t, language } = useI18n()
  const [cases, setCases] = useState<TrashedCase[] | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    void api.call('cases.trash').then((r) => setCases(r.ok ? r.value.cases : []))
  }, [generation])
  useEffect(() => api.onEvent((e) => e.type !== 'progress' && setGeneration((g) => g + 1)), [])

  const restore = async (entry: TrashedCase) => {
    const result = await api.call('cases.restore', entry.id)
    if (result.ok) notify(t('trash.restored', { title: entry.title }))
    else notify(result.error.message)
    setGeneration((g) => g + 1)
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
