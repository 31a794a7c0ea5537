import { useId } from 'react'
import { COLLABORATION_ELEMENTS, type CollaborationCheck } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import './collaboration-chart.css'

const STEPS = [1, 2, 3, 4, 5] as const

/**
 * The case's 協働の4要素 as a compact chart: per element five squares (filled up to the score, so
 * it reads without colour and in greyscale print), the score and its step name as text, and the
 * note beside it. Screen readers hear "5段階中4（おおむね協働）" instead of the squares.
 */
export function CollaborationChart({ check }: { check: CollaborationCheck | undefined }) {
  const { t } = useI18n()
  const id = useId()
  if (!check) return null
  const scored = COLLABORATION_ELEMENTS.filter((e) => check[e])
  if (scored.length === 0 && !check.note) return null

  return (
    <section className="collaboration-chart" aria-labelledby={`${id}-title`}>
      <header>
        <h2 id={`${id}-title`}>{t('kyodo.elements')}</h2>
        <span className="muted small">{t('kyodo.chart.caption')}</span>
      </header>
      <ul>
        {COLLABORATION_ELEMENTS.map((element) => {
          const item = check[element]
          return (
            <li key={element} className={item ? undefined : 'unscored'}>
              <span className="collaboration-chart-label">{t(`kyodo.element.${element}`)}</span>
              {item ? (
                <span className="collaboration-chart-score">
                  <span className="score-squares" aria-hidden="true">
                    {STEPS.map((step) => (
                      <span key={step} className={step <= item.score ? 'on' : undefined} />
                    ))}
                  </span>
                  <span aria-hidden="true">
                    <strong>{t('kyodo.score', { score: item.score })}</strong>{' '}
                    {t(`kyodo.step.${item.score as 1 | 2 | 3 | 4 | 5}`)}
                  </span>
                  <span className="visually-hidden">
                    {t('kyodo.scoreSpoken', {
                      score: item.score,
                      step: t(`kyodo.step.${item.score as 1 | 2 | 3 | 4 | 5}`),
                    })}
                  </span>
                </span>
              ) : (
                <span className="collaboration-chart-score muted">{t('kyodo.chart.none')}</span>
              )}
              {item?.note && <p className="collaboration-chart-note">{item.note}</p>}
            </li>
          )
        })}
      </ul>
      {check.note && <p className="collaboration-chart-overall">{check.note}</p>}
    </section>
  )
}
