import { useState } from 'react'
import type { SyncStatus } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { useSyncStatus, type SyncState } from './use-sync-status'
import './sync.css'
import { useNotify } from '../hooks/notify'

/**
 * Settings → 同期: remote URL, user name, token (kept per user by main, never shown again),
 * automatic sync interval and sync on close, with "test connection" and "sync now".
 */
export function SyncSettings() {
  const sync = useSyncStatus()
  const { status } = sync
  if (!status) return null
  // Re-mounted when the saved settings change, so the form starts from what is stored.
  return <SyncForm key={`${status.remote}|${status.user}`} status={status} sync={sync} />
}

function SyncForm({ status, sync }: { status: SyncStatus; sync: SyncState }) {
  const notify = useNotify()
  const { t } = useI18n()
  const [remote, setRemote] = useState(status.remote)
  const [user, setUser] = useState(status.user)
  const [token, setToken] = useState('')
  const [interval, setIntervalMinutes] = useState(status.intervalMinutes)
  const [onClose, setOnClose] = useState(status.syncOnClose)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setMessage(null)
    const result = await api.call('sync.configure', {
      remote: remote.trim(),
      user: user.trim(),
      intervalMinutes: interval,
      syncOnClose: onClose,
      ...(token ? { token } : {}),
    })
    if (!result.ok) return setMessage({ text: result.error.message, error: true })
    setToken('')
    notify(t('sync.saved'))
    sync.reload()
  }
  const test = async () => {
    setMessage(null)
    setBusy(true)
    const result = await api.call('sync.test', {
      remote: remote.trim(),
      user: user.trim(),
      ...(token ? { token } : {}),
    })
    setBusy(false)
    setMessage(
      result.ok
        ? { text: t(result.value.empty ? 'sync.testOkEmpty' : 'sync.testOk'), error: false }
        : { text: result.error.message, error: true },
    )
  }
  const runNow = async () => {
    setMessage(null)
    const result = await sync.run()
    if (!result.ok) return setMessage({ text: result.message, error: true })
    const { sent, received, conflicts } = result.value
    setMessage({
      text:
        conflicts.length > 0
          ? t('sync.doneConflicts', { sent, received, n: conflicts.length })
          : t('sync.done', { sent, received }),
      error: false,
    })
  }

  return (
    <section className="settings-group" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="muted small">{t('sync.help')}</p>
      {status.networkPath && (
        <p className="field-error" role="alert">
          {t('sync.networkPath')}
        </p>
      )}
      <form
        className="sync-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label htmlFor="sync-remote">{t('sync.remote')}</label>
        <input
          id="sync-remote"
          value={remote}
          onChange={(e) => setRemote(e.target.value)}
          placeholder="https://git.example.lg.jp/kyodo/library.git"
        />
        <label htmlFor="sync-user">{t('sync.user')}</label>
        <input id="sync-user" value={user} onChange={(e) => setUser(e.target.value)} />
        <label htmlFor="sync-token">{t('sync.token')}</label>
        <input
          id="sync-token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder={status.hasToken ? t('sync.tokenSaved') : ''}
        />
        <label htmlFor="sync-interval">{t('sync.interval')}</label>
        <input
          id="sync-interval"
          type="number"
          min={0}
          max={1440}
          value={interval}
          onChange={(e) =>
            setIntervalMinutes(Math.max(0, Math.min(1440, Number(e.target.value) || 0)))
          }
        />
        <label className="checkbox">
          <input type="checkbox" checked={onClose} onChange={(e) => setOnClose(e.target.checked)} />
          {t('sync.onClose')}
        </label>
        <div className="sync-actions">
          <button type="submit" className="button primary" disabled={status.networkPath}>
            {t('sync.save')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void test()}
            disabled={busy || !remote.trim()}
          >
            {t('sync.test')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void runNow()}
            disabled={!status.remote || sync.progress !== null || status.networkPath}
          >
            {sync.progress ? t('sync.running') : t('sync.now')}
          </button>
        </div>
      </form>
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
