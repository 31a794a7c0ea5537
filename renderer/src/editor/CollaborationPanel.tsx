import { useId } from 'react'
import { COLLABORATION_ELEMENTS, type CollaborationElement } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import type { CollaborationDraft } from './collaboration-draft'
import './collaboration.css'

interface Props {
  value: CollaborationDraft
  /** The form's field errors; this panel shows those under `collaboration.`. */
  errors: Record<string, MessageKey>
  onChange(value: CollaborationDraft): void
}

const STEPS = [1, 2, 3, 4, 5] as const

/**
 * 「協働の4要素」 in the editor: per element a practitioner's question, a 1–5 choice with a label
 * on every step (native radios, so arrow keys move within an element and Tab between them) and a
 * note. Everything is optional; 未評価 takes a score back.
 */
export function CollaborationPanel({ value, errors, onChange }: Props) {
  const { t } = useI18n()
  const id = useId()
  const setScore = (element: CollaborationElement, score: number | null) =>
    onChange({ ...value, scores: { ...value.scores, [element]: score } })
  const setNote = (element: CollaborationElement, note: string) =>
    onChange({ ...value, notes: { ...value.notes, [element]: note } })
  const anything =
    value.note.trim() !== '' ||
    COLLABORATION_ELEMENTS.some((e) => value.scores[e] !== null || value.notes[e].trim() !== '')

  return (
    <section className="collaboration-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('kyodo.elements')}</h2>
      <p className="muted small">{t('kyodo.panel.help')}</p>
      {COLLABORATION_ELEMENTS.map((element) => {
        const label = t(`kyodo.element.${element}`)
        const scoreError = errors[`collaboration.${element}.score`]
        const noteError = errors[`collaboration.${element}.note`]
        const questionId = `${id}-${element}-question`
        return (
          <fieldset
            key={element}
            className={`collaboration-element${scoreError ? ' has-error' : ''}`}
            aria-describedby={questionId}
          >
            <legend>{label}</legend>
            <p className="collaboration-question" id={questionId}>
              {t(`kyodo.question.${element}`)}
            </p>
            <div className="collaboration-scale">
              <label className="collaboration-step unscored">
                <input
                  type="radio"
                  name={`${id}-${element}`}
                  checked={value.scores[element] === null}
                  onChange={() => setScore(element, null)}
                />
                <span className="step-label">{t('kyodo.unscored')}</span>
              </label>
              {STEPS.map((step) => (
                <label key={step} className="collaboration-step">
                  <input
                    type="radio"
                    name={`${id}-${element}`}
                    value={step}
                    checked={value.scores[element] === step}
                    onChange={() => setScore(element, step)}
                  />
                  <span className="step-number">{step}</span>
                  <span className="step-label">{t(`kyodo.step.${step}`)}</span>
                </label>
              ))}
            </div>
            {scoreError && (
              <span className="field-error" role="alert">
                {t('kyodo.scoreMissing')}
              </span>
            )}
            <div className={`field${noteError ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-${element}-note`}>{t('kyodo.note', { element: label })}</label>
              <textarea
                id={`${id}-${element}-note`}
                rows={3}
                maxLength={1000}
                value={value.notes[element]}
                onChange={(e) => setNote(element, e.target.value)}
              />
              {noteError && (
                <span className="field-error" role="alert">
                  {t(noteError)}
                </span>
              )}
            </div>
          </fieldset>
        )
      })}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('kyodo.overallNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2000}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
      </div>
      {anything && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange({
              scores: { ownership: null, problem: null, goal: null, action: null },
              notes: { ownership: '', problem: '', goal: '', action: '' },
              note: '',
            })
          }
        >
          {t('kyodo.panel.clear')}
        </button>
      )}
    </section>
  )
}
