import { useEffect, useId, useState } from 'react'
import type { ReadingPath } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { useI18n } from '../i18n/i18n'
import { loadProgress, progressKey } from './learn-data'
import { useNotify } from '../hooks/notify'
import './learn-common.css'
import './paths-panel.css'

interface Props {
  libraryPath: string
}

/** The dashboard's reading paths: each with this reader's progress; create and delete. */
export function PathsPanel({ libraryPath }: Props) {
  const notify = useNotify()
  const { t } = useI18n()
  const loaded = useApiValue(() => api.call('paths.list'), [], { refreshOn: onLibraryChange })
  const paths: ReadingPath[] | null = loaded.value?.paths ?? null
  const [title, setTitle] = useState('')
  const titleId = useId()
  useEffect(() => {
    if (loaded.error) notify(loaded.error.message)
  }, [loaded.error, notify])

  const create = async () => {
    const name = title.trim()
    if (!name) return
    const result = await api.call('paths.create', { title: name, steps: [] })
    if (!result.ok) return notify(result.error.message)
    setTitle('')
    window.location.hash = `/paths/${result.value.id}`
  }
  const remove = async (path: ReadingPath) => {
    if (!window.confirm(t('learn.paths.confirmDelete', { title: path.title }))) return
    const result = await api.call('paths.remove', path.id)
    if (!result.ok) return notify(result.error.message)
    notify(t('learn.paths.deleted', { title: path.title }))
    loaded.reload()
  }

  return (
    <section className="learn-section" aria-labelledby="learn-paths">
      <h2 id="learn-paths">{t('learn.paths')}</h2>
      <p className="muted">{t('learn.paths.help')}</p>
      {paths === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : paths.length === 0 ? (
        <p className="learn-empty">{t('learn.paths.none')}</p>
      ) : (
        <ul className="path-cards">
          {paths.map((path) => {
            const read = new Set(loadProgress(progressKey(libraryPath, path.id)).read)
            const done = path.steps.filter((s) => read.has(s.caseId)).length
            const total = path.steps.length
            return (
              <li key={path.id} className="path-card">
                <a className="path-card-title" href={`#/paths/${path.id}`}>
                  {path.title}
                </a>
                {path.description && <p className="path-card-description">{path.description}</p>}
                <div className="path-card-progress">
                  <progress
                    max={Math.max(1, total)}
                    value={done}
                    aria-label={t('learn.paths.progressOf', { title: path.title })}
                  />
                  <span className="small muted">{t('learn.paths.progress', { done, total })}</span>
                </div>
                <button
                  type="button"
                  className="link-button danger small"
                  onClick={() => void remove(path)}
                  aria-label={t('learn.paths.deleteNamed', { title: path.title })}
                >
                  {t('learn.delete')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <form
        className="path-create"
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <label htmlFor={titleId}>{t('learn.paths.newTitle')}</label>
        <input
          id={titleId}
          value={title}
          maxLength={200}
          placeholder={t('learn.paths.newPlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={!title.trim()}>
          {t('learn.paths.create')}
        </button>
      </form>
    </section>
  )
}
