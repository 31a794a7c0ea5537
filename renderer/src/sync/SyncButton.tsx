import { useI18n } from '../i18n/i18n'
import { formatDate } from '../format/dates'
import type { SyncState } from './use-sync-status'
import './sync.css'
import { useNotify } from '../hooks/notify'

/**
 * The sync button with its status (last synced, pending changes, ahead/behind, conflicts),
 * shown in the top bar once the library has a remote.
 */
export function SyncButton({ sync }: { sync: SyncState }) {
  const notify = useNotify()
  const { t, language } = useI18n()
  const { status, progress } = sync
  if (!status || !status.remote) return null
  // This window's own sync, or one reported by progress events (another window, the schedule).
  const busy = progress !== null
  const details = [
    status.lastSyncedAt
      ? t('sync.last', { date: formatDate(status.lastSyncedAt, language) })
      : t('sync.never'),
    status.pending > 0 ? t('sync.pending', { n: status.pending }) : '',
    status.ahead + status.behind > 0
      ? t('sync.aheadBehind', { ahead: status.ahead, behind: status.behind })
      : '',
  ].filter(Boolean)
  const start = async () => {
    const result = await sync.run()
    if (!result.ok) return notify(result.message)
    const { sent, received, conflicts } = result.value
    notify(
      conflicts.length > 0
        ? t('sync.doneConflicts', { sent, received, n: conflicts.length })
        : t('sync.done', { sent, received }),
    )
  }
  return (
    <div className="sync-status" data-testid="sync-status">
      <button
        type="button"
        className="button"
        onClick={() => void start()}
        disabled={busy}
        title={details.join('\n')}
      >
        {busy
          ? progress && progress.total > 0
            ? t('sync.progress', { done: progress.done, total: progress.total })
            : t('sync.running')
          : `⟳ ${t('sync.now')}`}
      </button>
      <span className="muted small sync-details">{details.join('・')}</span>
      {status.conflicts > 0 && (
        <a className="sync-conflicts" href="#/conflicts">
          {t('sync.conflictsLink', { n: status.conflicts })}
        </a>
      )}
    </div>
  )
}
