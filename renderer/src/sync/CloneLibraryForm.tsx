import { useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import './sync.css'
import { useNotify } from '../hooks/notify'

/** "Open a library from a server": clones a remote into an empty local folder and opens it. */
export function CloneLibraryForm() {
  const notify = useNotify()
  const { t } = useI18n()
  const [remote, setRemote] = useState('')
  const [user, setUser] = useState('')
  const [token, setToken] = useState('')
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ready = remote.trim() && user.trim() && token && path.trim()

  const clone = async () => {
    setError(null)
    setBusy(true)
    const result = await api.call('sync.clone', {
      remote: remote.trim(),
      user: user.trim(),
      token,
      path: path.trim(),
    })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    setToken('')
    notify(t('sync.cloned', { name: result.value.name }))
  }

  return (
    <details className="clone-library">
      <summary>{t('sync.openFromServer')}</summary>
      <form
        className="sync-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) void clone()
        }}
      >
        <label htmlFor="clone-remote">{t('sync.remote')}</label>
        <input id="clone-remote" value={remote} onChange={(e) => setRemote(e.target.value)} />
        <label htmlFor="clone-user">{t('sync.user')}</label>
        <input id="clone-user" value={user} onChange={(e) => setUser(e.target.value)} />
        <label htmlFor="clone-token">{t('sync.token')}</label>
        <input
          id="clone-token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        <label htmlFor="clone-path">{t('sync.cloneTarget')}</label>
        <input id="clone-path" value={path} onChange={(e) => setPath(e.target.value)} />
        <div className="sync-actions">
          <button type="submit" className="button primary" disabled={!ready || busy}>
            {busy ? t('sync.cloning') : t('sync.clone')}
          </button>
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </details>
  )
}
