import { useEffect, useId, useState } from 'react'
import type { FreshnessReport } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { useI18n } from '../i18n/i18n'
import { useNotify } from '../hooks/notify'
import './learn-common.css'
import './freshness-panel.css'

type Report = FreshnessReport & { maxAgeMonths: number }

/**
 * Is the library still true? Counts of cases still active and ended, and the cases nobody has
 * confirmed for longer than the library's configurable age, oldest first.
 */
export function FreshnessPanel() {
  const notify = useNotify()
  const { t } = useI18n()
  const loaded = useApiValue(() => api.call('learn.freshness'), [], { refreshOn: onLibraryChange })
  const report: Report | undefined = loaded.value
  // The age field starts from the saved setting and then follows what the user types.
  const [typed, setTyped] = useState<string | null>(null)
  const months = typed ?? (report ? String(report.maxAgeMonths) : '')
  const setMonths = setTyped
  const ageId = useId()
  useEffect(() => {
    if (loaded.error) notify(loaded.error.message)
  }, [loaded.error, notify])

  const value = Number(months)
  const valid = Number.isInteger(value) && value >= 1 && value <= 600
  const saveAge = async () => {
    if (!valid) return
    const result = await api.call('learn.setFreshnessAge', value)
    if (!result.ok) return notify(result.error.message)
    notify(t('learn.saved'))
    setTyped(null)
    loaded.reload()
  }

  return (
    <section className="learn-section" aria-labelledby="learn-freshness">
      <h2 id="learn-freshness">{t('learn.freshness')}</h2>
      <p className="muted">{t('learn.freshness.help')}</p>
      {report && (
        <>
          <ul className="freshness-tiles" aria-label={t('learn.freshness.status')}>
            <li className="fresh-active">
              <span className="learn-stat-label">{t('learn.freshness.active')}</span>
              <span className="learn-stat-value">{report.active}</span>
            </li>
            <li className="fresh-ended">
              <span className="learn-stat-label">{t('learn.freshness.ended')}</span>
              <span className="learn-stat-value">{report.ended}</span>
            </li>
            <li className="fresh-archived">
              <span className="learn-stat-label">{t('learn.freshness.archived')}</span>
              <span className="learn-stat-value">{report.archived}</span>
            </li>
            <li className="fresh-stale">
              <span className="learn-stat-label">{t('learn.freshness.staleCount')}</span>
              <span className="learn-stat-value">{report.stale.length}</span>
            </li>
          </ul>
          <form
            className="freshness-age"
            onSubmit={(e) => {
              e.preventDefault()
              void saveAge()
            }}
          >
            <label htmlFor={ageId}>{t('learn.freshness.age')}</label>
            <input
              id={ageId}
              type="number"
              min={1}
              max={600}
              step={1}
              value={months}
              aria-invalid={valid ? undefined : true}
              onChange={(e) => setMonths(e.target.value)}
            />
            <span>{t('learn.freshness.months')}</span>
            <button
              type="submit"
              className="button small"
              disabled={!valid || value === report.maxAgeMonths}
            >
              {t('learn.freshness.apply')}
            </button>
          </form>
          {report.stale.length === 0 ? (
            <p className="learn-empty">{t('learn.freshness.none')}</p>
          ) : (
            <ul className="stale-list" aria-label={t('learn.freshness.list')}>
              {report.stale.map((item) => (
                <li key={item.id}>
                  <a href={`#/case/${item.id}`}>{item.title}</a>
                  <span className="stale-age">
                    {t(
                      item.basis === 'lastVerified'
                        ? 'learn.freshness.verified'
                        : 'learn.freshness.updated',
                      { date: item.checkedOn, n: item.ageMonths },
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
