import { useId, useState } from 'react'
import type { CaseMeta, ResolvedPath } from '../../../common/model'
import type { PathStep } from '../../../common/learn/reading-path'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { useNotify } from '../hooks/notify'
import './learn-common.css'
import './reading-path.css'

interface Props {
  path: ResolvedPath
  cases: CaseMeta[]
  /** Leaves the editor; `saved` when the path on disk changed. */
  onDone(saved: boolean): void
}

interface DraftStep extends PathStep {
  missing: boolean
}

/** How many matching cases the add-a-case list shows at once. */
const SUGGESTIONS = 8

/** For trainers: title, description, and the steps — add, reorder, annotate, remove; save. */
export function PathEditor({ path, cases, onDone }: Props) {
  const notify = useNotify()
  const { t } = useI18n()
  const [title, setTitle] = useState(path.title)
  const [description, setDescription] = useState(path.description ?? '')
  const [steps, setSteps] = useState<DraftStep[]>(
    path.steps.map((s) => ({ caseId: s.caseId, note: s.note, missing: s.missing })),
  )
  const [query, setQuery] = useState('')
  const [saving, setSaving] = useState(false)
  const ids = { title: useId(), description: useId(), add: useId() }
  const titleOf = (caseId: string) => cases.find((c) => c.id === caseId)?.title ?? caseId

  const chosen = new Set(steps.map((s) => s.caseId))
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const matches = cases
    .filter((c) => !chosen.has(c.id))
    .filter((c) => {
      const text = [c.title, c.summary, ...(c.tags ?? []), c.department].join(' ').toLowerCase()
      return words.every((w) => text.includes(w))
    })
    .slice(0, SUGGESTIONS)

  const move = (i: number, delta: number) => {
    const next = [...steps]
    const [step] = next.splice(i, 1)
    next.splice(i + delta, 0, step!)
    setSteps(next)
  }
  const save = async () => {
    setSaving(true)
    const result = await api.call('paths.save', {
      schema: 1,
      id: path.id,
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      steps: steps.map(({ caseId, note }) =>
        note?.trim() ? { caseId, note: note.trim() } : { caseId },
      ),
    })
    setSaving(false)
    if (!result.ok) return notify(result.error.message)
    notify(t('learn.saved'))
    onDone(true)
  }

  return (
    <form
      className="learn-page path-editor"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <header className="path-header">
        <a className="guide-back" href="#/learn">
          ← {t('learn.back')}
        </a>
        <p className="guide-kicker">{t('learn.path.editing')}</p>
        <div className="field">
          <label htmlFor={ids.title}>{t('learn.path.title')}</label>
          <input
            id={ids.title}
            value={title}
            required
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('learn.path.description')}</label>
          <textarea
            id={ids.description}
            value={description}
            rows={3}
            maxLength={4000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </header>

      <section className="learn-section" aria-labelledby="path-edit-steps">
        <h2 id="path-edit-steps">{t('learn.path.steps')}</h2>
        {steps.length === 0 && <p className="learn-empty">{t('learn.path.noSteps')}</p>}
        <ol className="path-edit-steps">
          {steps.map((step, i) => {
            const name = step.missing ? t('learn.path.missing') : titleOf(step.caseId)
            return (
              <li key={step.caseId} className={step.missing ? 'missing' : undefined}>
                <div className="path-edit-row">
                  <span className="path-step-mark" aria-hidden="true">
                    {i + 1}
                  </span>
                  <strong className="path-step-title">
                    {name}
                    {step.missing && <span className="muted small"> （{step.caseId}）</span>}
                  </strong>
                  <button
                    type="button"
                    className="button small"
                    disabled={i === 0}
                    aria-label={t('learn.path.moveUp', { title: name })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button small"
                    disabled={i === steps.length - 1}
                    aria-label={t('learn.path.moveDown', { title: name })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={t('learn.path.removeStep', { title: name })}
                    onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </div>
                <textarea
                  className="path-edit-note"
                  aria-label={t('learn.path.noteFor', { title: name })}
                  placeholder={t('learn.path.notePlaceholder')}
                  value={step.note ?? ''}
                  rows={2}
                  maxLength={2000}
                  onChange={(e) =>
                    setSteps(steps.map((s, j) => (j === i ? { ...s, note: e.target.value } : s)))
                  }
                />
              </li>
            )
          })}
        </ol>
      </section>

      <section className="learn-section path-add" aria-labelledby="path-add-title">
        <h2 id="path-add-title">{t('learn.path.add')}</h2>
        <label htmlFor={ids.add}>{t('learn.path.addSearch')}</label>
        <input
          id={ids.add}
          type="search"
          value={query}
          placeholder={t('learn.path.addPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul className="path-add-list" aria-label={t('learn.path.addResults')}>
          {matches.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                aria-label={t('learn.path.addNamed', { title: c.title })}
                onClick={() => setSteps([...steps, { caseId: c.id, missing: false }])}
              >
                ＋ {c.title}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">{t('learn.path.addNone')}</li>}
        </ul>
      </section>

      <div className="learn-actions sticky">
        <button type="submit" className="button primary" disabled={saving || !title.trim()}>
          {t('learn.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('learn.cancel')}
        </button>
      </div>
    </form>
  )
}
