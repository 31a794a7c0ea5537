import type { PartnerType } from '../../../common/model'
import type { LibraryOverview } from '../../../common/learn/overview'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n } from '../i18n/i18n'
import { GlossaryText } from './GlossaryText'
import { formLabel } from '../components/form-labels'
import { searchHref, shortLabel } from './learn-data'
import './charts.css'

/**
 * Partner type × 協働の形態 as an HTML table (a heat map): every cell with cases is a link to
 * the search that lists them, its colour deepening with the count, so the table reads as a
 * picture and stays a real table for keyboards and screen readers.
 */
export function FormMatrix({
  overview,
  types,
}: {
  overview: LibraryOverview
  types: PartnerType[]
}) {
  const { t, language } = useI18n()
  const forms = overview.byForm.map((f) => f.form)
  const max = Math.max(1, ...overview.matrix.map((c) => c.count))
  const countOf = new Map(overview.matrix.map((c) => [`${c.partnerType}\t${c.form}`, c.count]))
  return (
    <div className="form-matrix-scroll">
      <table className="form-matrix">
        <caption className="visually-hidden">{t('learn.matrix')}</caption>
        <thead>
          <tr>
            <td />
            {forms.map((form) => (
              <th scope="col" key={form}>
                {language === 'ja' ? <GlossaryText text={form} /> : formLabel(form, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.byPartnerType.map(({ key }) => {
            const type = types.find((p) => p.key === key)
            const name = partnerTypeLabel(types, key, language)
            return (
              <tr key={key}>
                <th scope="row" title={name}>
                  <span
                    className="chip-dot"
                    style={{ background: type?.color ?? '#8a949e' }}
                    aria-hidden="true"
                  />
                  {shortLabel(name)}
                </th>
                {forms.map((form) => {
                  const n = countOf.get(`${key}\t${form}`) ?? 0
                  if (n === 0)
                    return (
                      <td key={form} className="matrix-zero">
                        <span className="matrix-dot" aria-hidden="true">
                          ·
                        </span>
                        <span className="visually-hidden">{t('learn.caseCount', { n: 0 })}</span>
                      </td>
                    )
                  const strength = n / max
                  return (
                    <td key={form}>
                      <a
                        className="matrix-cell"
                        href={searchHref({ partnerType: key, form })}
                        aria-label={t('learn.matrix.cell', { type: name, form, n })}
                        style={{
                          background: `rgba(31, 95, 168, ${(0.12 + 0.78 * strength).toFixed(2)})`,
                          color: strength > 0.45 ? '#fff' : 'var(--ink)',
                        }}
                      >
                        {n}
                      </a>
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
