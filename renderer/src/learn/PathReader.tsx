import { useState } from 'react'
import type { CaseMeta } from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { api } from '../api'
import { PartnerChip } from '../components/PartnerChip'
import { useI18n } from '../i18n/i18n'
import { GlossaryText } from './GlossaryText'
import { PathEditor } from './PathEditor'
import { PathStepCase } from './PathStepCase'
import { loadProgress, progressKey, storeProgress, type PathProgress } from './learn-data'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { useLibraryInfo } from '../state/library-context'
import './learn-common.css'
import './reading-path.css'
import { useNotify } from '../hooks/notify'

interface Props {
  id: string
  cases: CaseMeta[]
}

/**
 * `#/paths/<id>`: a reading path, read one step at a time with 前へ/次へ; each step's case is
 * read right here (PathStepCase), without leaving the path. What this reader has
 * read is kept in this machine's localStorage (per library and path), never in the shared
 * library; a trainer switches to the editor to change the path.
 */
export function PathReader({ id, cases }: Props) {
  const notify = useNotify()
  const { t } = useI18n()
  const info = useLibraryInfo()
  const loadedPath = useApiValue(() => api.call('paths.get', id), [id], {
    refreshOn: onLibraryChange,
  })
  const [editing, setEditing] = useState<{ id: string; on: boolean } | null>(null)

  // Progress is read from storage when the key is first known (the library path comes async).
  const key = info ? progressKey(info.path, id) : null
  const [progress, setProgress] = useState<{ key: string | null; value: PathProgress }>({
    key: null,
    value: { read: [], at: 0 },
  })
  if (key && progress.key !== key) setProgress({ key, value: loadProgress(key) })
  const updateProgress = (value: PathProgress) => {
    if (!key) return
    setProgress({ key, value })
    storeProgress(key, value)
  }

  if (loadedPath.error) {
    return (
      <div className="empty-state" role="alert">
        <p>
          {loadedPath.error.code === 'not_found'
            ? t('learn.path.notFound')
            : loadedPath.error.message}
        </p>
        <a href="#/learn">{t('learn.back')}</a>
      </div>
    )
  }
  if (loadedPath.loading || !loadedPath.value || !info || progress.key !== key)
    return <p className="muted pad">{t('app.loading')}</p>
  const path = loadedPath.value
  // A new, empty path opens in the editor: there is nothing to read yet.
  const isEditing = editing?.id === id ? editing.on : path.steps.length === 0

  if (isEditing) {
    return (
      <PathEditor
        path={path}
        cases={cases}

        onDone={(saved) => {
          setEditing({ id, on: false })
          if (saved) loadedPath.reload()
        }}
      />
    )
  }

  const steps = path.steps
  const read = new Set(progress.value.read)
  const readCount = steps.filter((s) => read.has(s.caseId)).length
  const at = Math.min(progress.value.at, Math.max(0, steps.length - 1))
  const step = steps[at]
  const meta = step ? cases.find((c) => c.id === step.caseId) : undefined
  const percent = steps.length === 0 ? 0 : Math.round((readCount / steps.length) * 100)
  const last = at === steps.length - 1

  const go = (index: number, markCurrent: boolean) => {
    const nextRead = new Set(read)
    if (markCurrent && step) nextRead.add(step.caseId)
    updateProgress({ read: [...nextRead], at: Math.max(0, Math.min(steps.length - 1, index)) })
    // 次へ sits below a whole case body: the next step starts at its top, not where this ended.
    document.querySelector('.path-current')?.scrollIntoView?.({ block: 'start' })
  }
  const toggleRead = (caseId: string, on: boolean) => {
    const nextRead = new Set(read)
    if (on) nextRead.add(caseId)
    else nextRead.delete(caseId)
    updateProgress({ read: [...nextRead], at })
  }

  // A path becomes a deck for a 研修: one case item per step (default sections), the curator's
  // notes as closing text, then the trainer refines it in the deck builder.
  const exportAsDeck = async () => {
    const steps = path.steps.filter((s) => !s.missing)
    const notes = path.steps
      .filter((s) => s.note)
      .map((s) => `- **${s.title ?? s.caseId}**: ${s.note}`)
    const result = await api.call('decks.create', {
      title: path.title,
      subtitle: path.description,
      items: [
        // No `sections`: each case follows the deck's preset (標準 until the trainer picks another).
        ...steps.map((s) => ({ kind: 'case' as const, caseId: s.caseId })),
        ...(notes.length
          ? [{ kind: 'text' as const, title: t('learn.path.notesSlide'), body: notes.join('\n') }]
          : []),
      ],
    })
    if (result.ok) window.location.hash = `#/decks/${result.value.id}`
    else notify(result.error.message)
  }

  return (
    <div className="learn-page path-page">
      <header className="path-header">
        <a className="guide-back" href="#/learn">
          ← {t('learn.back')}
        </a>
        <p className="guide-kicker">{t('learn.path.kicker')}</p>
        <div className="path-title-row">
          <h1>{path.title}</h1>
          <button
            type="button"
            className="button small"
            onClick={() => setEditing({ id, on: true })}
          >
            {t('learn.path.edit')}
          </button>
          <button type="button" className="button small" onClick={() => void exportAsDeck()}>
            {t('learn.path.toDeck')}
          </button>
        </div>
        {path.description && <p className="path-description">{path.description}</p>}
        <div className="path-progress">
          <div
            className="path-progress-bar"
            role="progressbar"
            aria-label={t('learn.path.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={steps.length}
            aria-valuenow={readCount}
            aria-valuetext={t('learn.paths.progress', { done: readCount, total: steps.length })}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <span className="path-progress-text" role="status">
            {readCount === steps.length && steps.length > 0
              ? t('learn.path.complete')
              : t('learn.paths.progress', { done: readCount, total: steps.length })}
          </span>
        </div>
        {path.missingCount > 0 && (
          <p className="path-warning" role="note">
            {t('learn.path.missingCount', { n: path.missingCount })}
          </p>
        )}
      </header>

      <div className="path-layout">
        <nav aria-label={t('learn.path.steps')}>
          <ol className="path-steps">
            {steps.map((s, i) => (
              <li key={s.caseId}>
                <button
                  type="button"
                  className="path-step"
                  aria-current={i === at ? 'step' : undefined}
                  onClick={() => go(i, false)}
                >
                  <span
                    className={`path-step-mark${read.has(s.caseId) ? ' read' : ''}`}
                    aria-hidden="true"
                  >
                    {read.has(s.caseId) ? '✓' : i + 1}
                  </span>
                  <span className="path-step-title">
                    {s.missing ? t('learn.path.missing') : (s.title ?? s.caseId)}
                  </span>
                  <span className="visually-hidden">
                    {read.has(s.caseId) ? t('learn.path.read') : t('learn.path.unread')}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>

        {step && (
          <article className="path-current" aria-labelledby="path-current-title">
            <p className="path-step-count">
              {t('learn.path.stepOf', { n: at + 1, total: steps.length })}
            </p>
            {step.missing ? (
              <>
                <h2 id="path-current-title">{t('learn.path.missing')}</h2>
                <p className="path-warning">{t('learn.path.missingHelp', { id: step.caseId })}</p>
              </>
            ) : (
              <>
                <h2 id="path-current-title">{meta?.title ?? step.title ?? step.caseId}</h2>
                {meta && (
                  <div className="path-case-facts">
                    {meta.partnerTypes.map((k) => (
                      <PartnerChip key={k} typeKey={k} types={info.partnerTypes} />
                    ))}
                    {meta.fiscalYear !== undefined && (
                      <span className="muted small">
                        {t('format.fiscalYearWareki', {
                          year: meta.fiscalYear,
                          wareki: warekiOfFiscalYear(meta.fiscalYear),
                        })}
                      </span>
                    )}
                    {meta.forms && meta.forms.length > 0 && (
                      <span className="small">
                        <GlossaryText text={meta.forms.join('・')} />
                      </span>
                    )}
                  </div>
                )}
              </>
            )}
            {step.note && (
              <aside className="path-note" aria-label={t('learn.path.note')}>
                <span className="path-note-label">{t('learn.path.note')}</span>
                <p>{step.note}</p>
              </aside>
            )}
            {meta?.summary && <p className="path-summary">{meta.summary}</p>}
            {!step.missing && <PathStepCase key={step.caseId} caseId={step.caseId} />}
            {!step.missing && (
              <p className="small">
                <a href={`#/case/${step.caseId}`}>{t('learn.path.open')} →</a>
              </p>
            )}
            <label className="path-read-toggle">
              <input
                type="checkbox"
                checked={read.has(step.caseId)}
                onChange={(e) => toggleRead(step.caseId, e.target.checked)}
              />
              {t('learn.path.markRead')}
            </label>
            <div className="path-nav">
              <button
                type="button"
                className="button"
                disabled={at === 0}
                onClick={() => go(at - 1, false)}
              >
                ← {t('learn.path.previous')}
              </button>
              {last ? (
                <button
                  type="button"
                  className="button primary"
                  disabled={read.has(step.caseId)}
                  onClick={() => go(at, true)}
                >
                  {t('learn.path.finish')}
                </button>
              ) : (
                <button type="button" className="button primary" onClick={() => go(at + 1, true)}>
                  {t('learn.path.next')} →
                </button>
              )}
            </div>
          </article>
        )}
      </div>
    </div>
  )
}
