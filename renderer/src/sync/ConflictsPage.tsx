import { useEffect, useState } from 'react'
import type { ConflictChoice, ConflictDetail, SyncConflict } from '../../../common/model'
import { api } from '../api'
import { formatDate } from '../format/dates'
import { useI18n } from '../i18n/i18n'
import './sync.css'
import { useNotify } from '../hooks/notify'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

/**
 * `#/conflicts`: every conflict kept by a sync, each with both versions side by side (as the
 * editor's conflict dialog shows them) and the choices: keep mine, take theirs, keep both.
 */
export function ConflictsPage() {
  const { t } = useI18n()
  const loaded = useApiValue(() => api.call('sync.conflicts'), [], { refreshOn: onLibraryChange })
  const conflicts: SyncConflict[] | null = loaded.value?.conflicts ?? null
  const reload = loaded.reload

  return (
    <section className="page" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p className="muted">{t('conflicts.help')}</p>
      {conflicts === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p className="empty-state">{t('conflicts.none')}</p>
      ) : (
        <ul className="plain conflict-list">
          {conflicts.map((c) => (
            <li key={c.id}>
              <ConflictCard conflict={c} onResolved={reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ConflictCard({ conflict, onResolved }: { conflict: SyncConflict; onResolved(): void }) {
  const notify = useNotify()
  const { t, language } = useI18n()
  const [detail, setDetail] = useState<ConflictDetail | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let cancelled = false
    void api.call('sync.conflict', conflict.id).then((r) => {
      if (!cancelled && r.ok) setDetail(r.value)
    })
    return () => {
      cancelled = true
    }
  }, [conflict.id])

  const resolve = async (choice: ConflictChoice) => {
    setBusy(true)
    const result = await api.call('sync.resolve', conflict.id, choice)
    setBusy(false)
    if (!result.ok) return notify(result.error.message)
    notify(t('conflicts.resolved'))
    onResolved()
  }
  const side = (which: 'mine' | 'theirs') => {
    const s = detail?.[which]
    return (
      <div>
        <h3>{t(`conflicts.${which}`)}</h3>
        {!s || (s.text === null && s.size === 0) ? (
          <p className="muted">{t('conflicts.missing')}</p>
        ) : s.text === null ? (
          <p className="muted">{t('conflicts.binary', { size: s.size })}</p>
        ) : (
          <pre className="conflict-body" data-testid={`conflict-${which}`}>
            {s.text}
          </pre>
        )}
      </div>
    )
  }

  return (
    <article className="conflict-card" aria-label={conflict.title}>
      <h2>
        <span className="muted small">{t(`conflicts.kind.${conflict.kind}`)}</span> {conflict.title}
      </h2>
      <p className="muted small">
        {conflict.by
          ? t('conflicts.by', { by: conflict.by, date: formatDate(conflict.at, language) })
          : null}
        {conflict.fields.length > 0 && (
          <> ・{t('conflicts.fields', { fields: conflict.fields.join(', ') })}</>
        )}
      </p>
      {conflict.kind === 'edit-delete' ? (
        <p>{t('conflicts.editDeleteHelp')}</p>
      ) : (
        <div className="conflict-columns">
          {side('mine')}
          {side('theirs')}
        </div>
      )}
      <div className="sync-actions">
        {conflict.kind === 'edit-delete' ? (
          <>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void resolve('mine')}
            >
              {t('conflicts.keepEdited')}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void resolve('theirs')}
            >
              {t('conflicts.deleteIt')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void resolve('mine')}
            >
              {t('conflicts.keepMine')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void resolve('theirs')}
            >
              {t('conflicts.takeTheirs')}
            </button>
            {conflict.kind === 'case' && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void resolve('both')}
              >
                {t('conflicts.keepBoth')}
              </button>
            )}
          </>
        )}
      </div>
    </article>
  )
}
