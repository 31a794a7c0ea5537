import { useMemo } from 'react'
import {
  COLLABORATION_ELEMENTS,
  type CaseMeta,
  type CollaborationElement,
  type PartnerType,
} from '../../../common/model'
import { averagesByPartnerType } from '../../../common/learn/collaboration'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n } from '../i18n/i18n'
import { shortLabel } from './learn-data'

interface Props {
  cases: CaseMeta[]
  types: PartnerType[]
}

/**
 * The mean score of each element per partner type, as a table of bars: the bar's length and the
 * number carry the value (no colour needed), and ▼ marks each type's lowest element — where this
 * city tends to fall short with that kind of partner. A real <table>, so a screen reader can walk
 * it by row and column.
 */
export function ElementAverages({ cases, types }: Props) {
  const { t, language } = useI18n()
  const rows = useMemo(
    () =>
      averagesByPartnerType(
        cases,
        types.map((p) => p.key),
      ),
    [cases, types],
  )
  if (rows.length === 0) return null
  return (
    <div className="element-averages-wrap">
      <table className="element-averages">
        <caption className="visually-hidden">{t('kyodo.page.byType')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kyodo.page.type')}</th>
            {COLLABORATION_ELEMENTS.map((element) => (
              <th key={element} scope="col">
                {t(`kyodo.element.${element}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const weakest = lowest(row.averages)
            return (
              <tr key={row.key}>
                <th scope="row">
                  {shortLabel(partnerTypeLabel(types, row.key, language))}
                  <span className="muted small">
                    {' '}
                    {t('kyodo.page.typeCount', { n: row.count })}
                  </span>
                </th>
                {COLLABORATION_ELEMENTS.map((element) => {
                  const value = row.averages[element]
                  const isWeakest = weakest.includes(element)
                  return (
                    <td key={element} className={isWeakest ? 'weakest' : undefined}>
                      {value === null ? (
                        '—'
                      ) : (
                        <>
                          <span className="average-bar" aria-hidden="true">
                            <span style={{ width: `${(value / 5) * 100}%` }} />
                          </span>
                          <span className="average-value">
                            {isWeakest && (
                              <span aria-hidden="true" className="weakest-mark">
                                ▼
                              </span>
                            )}
                            {value.toFixed(1)}
                            {isWeakest && (
                              <span className="visually-hidden">{t('kyodo.page.weakest')}</span>
                            )}
                          </span>
                        </>
                      )}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The element(s) with the lowest mean; none when all four are equal (nothing stands out). */
function lowest(averages: Record<CollaborationElement, number | null>): CollaborationElement[] {
  const values = COLLABORATION_ELEMENTS.flatMap((e) => averages[e] ?? [])
  if (values.length < 2) return []
  const min = Math.min(...values)
  if (values.every((v) => v === min)) return []
  return COLLABORATION_ELEMENTS.filter((e) => averages[e] === min)
}
