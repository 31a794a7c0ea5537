import { useEffect, useState } from 'react'
import type { FacetCount, LibraryInfo, RecentLibrary } from '../../../common/model'
import { api } from '../api'
import { useI18n, type Language } from '../i18n/i18n'
import { LibraryFolderButton } from '../settings/LibraryFolderButton'
import { PartnerTypeEditor } from '../settings/PartnerTypeEditor'
import { SynonymEditor } from '../settings/SynonymEditor'
import { TagManager } from '../settings/TagManager'
import { useNotify } from '../hooks/notify'
import { CloneLibraryForm } from '../sync/CloneLibraryForm'
import { SyncSettings } from '../sync/SyncSettings'

/** Language, and which library is open: another folder by path, or one opened lately. */
export function SettingsView({ info, tags }: { info: LibraryInfo | null; tags: FacetCount[] }) {
  const notify = useNotify()
  const { t, language, setLanguage } = useI18n()
  const [path, setPath] = useState('')
  const [recent, setRecent] = useState<RecentLibrary[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void api.call('library.recent').then((r) => r.ok && setRecent(r.value.libraries))
  }, [info?.path])

  const open = async (target: string) => {
    setError(null)
    const result = await api.call('library.open', target.trim())
    if (result.ok) {
      notify(t('settings.opened', { name: result.value.name }))
      setPath('')
    } else setError(t('settings.openFailed', { reason: result.error.message }))
  }

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="settings-group">
        <legend>{t('settings.language')}</legend>
        {(['ja', 'en'] as Language[]).map((lang) => (
          <label key={lang} className="radio">
            <input
              type="radio"
              name="language"
              checked={language === lang}
              onChange={() => setLanguage(lang)}
            />
            {t(`lang.${lang}`)}
          </label>
        ))}
      </fieldset>
      <section className="settings-group" aria-labelledby="library-title">
        <h2 id="library-title">{t('settings.library')}</h2>
        {info && (
          <p>
            {t('settings.currentLibrary')}: <strong>{info.name}</strong>
            <br />
            <code className="path">{info.path}</code>
          </p>
        )}
        <form
          className="open-library"
          onSubmit={(e) => {
            e.preventDefault()
            if (path.trim()) void open(path)
          }}
        >
          <label htmlFor="library-path">{t('settings.libraryPath')}</label>
          <div className="inline">
            <input
              id="library-path"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder={'\\\\fileserver\\kyodo\\library'}
            />
            <button type="submit" className="button primary" disabled={!path.trim()}>
              {t('settings.open')}
            </button>
            <LibraryFolderButton
              onPicked={(folder) => void open(folder)}
              onError={(reason) => setError(t('settings.openFailed', { reason }))}
            />
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
        <CloneLibraryForm />
        {recent.length > 0 && (
          <>
            <h3>{t('settings.recent')}</h3>
            <ul className="plain recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void open(r.path)}
                    disabled={r.path === info?.path}
                  >
                    {r.name}
                  </button>
                  <code className="path small">{r.path}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {info && <SyncSettings key={info.path} />}
      {info && (
        <>
          <TagManager key={tags.map((x) => x.key).join()} tags={tags} />
          <PartnerTypeEditor
            key={info.partnerTypes.map((x) => x.key + x.ja + x.color).join()}
            types={info.partnerTypes}
          />
          <SynonymEditor key={info.path} />
        </>
      )}
    </section>
  )
}
