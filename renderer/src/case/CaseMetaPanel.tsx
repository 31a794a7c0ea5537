import type { CaseMeta, PartnerType } from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { partnerTypeLabel } from '../components/PartnerChip'
import { formLabel } from '../components/form-labels'
import { formatDate, formatYearMonth } from '../format/dates'
import { useI18n } from '../i18n/i18n'
import { GlossaryText } from '../learn/GlossaryText'

interface Props {
  meta: CaseMeta
  partnerTypes: PartnerType[]
  titleOf(id: string): string | undefined
}

/** The metadata of a case as a definition list, outcomes as large figures. */
export function CaseMetaPanel({ meta, partnerTypes, titleOf }: Props) {
  const { t, language } = useI18n()
  const rows: [string, React.ReactNode][] = []
  if (meta.partners?.length) {
    rows.push([
      t('case.partners'),
      <ul className="plain">
        {meta.partners.map((p, i) => (
          <li key={i}>
            <strong>{p.name}</strong>
            <span className="muted">（{partnerTypeLabel(partnerTypes, p.type, language)}）</span>
            {p.role && (
              <div>
                <GlossaryText text={p.role} />
              </div>
            )}
          </li>
        ))}
      </ul>,
    ])
  }
  if (meta.forms?.length)
    rows.push([
      t('case.forms'),
      // Japanese keeps the glossary tooltips on the stored names; English shows translations.
      language === 'ja' ? (
        <GlossaryText text={meta.forms.join('・')} />
      ) : (
        meta.forms.map((form) => formLabel(form, t)).join(', ')
      ),
    ])
  if (meta.initiatedBy) rows.push([t('case.initiatedBy'), t(`initiatedBy.${meta.initiatedBy}`)])
  if (meta.period) {
    rows.push([
      t('case.period'),
      `${formatYearMonth(meta.period.start, language)} 〜 ${meta.period.end ? formatYearMonth(meta.period.end, language) : t('case.ongoing')}`,
    ])
  }
  if (meta.fiscalYear !== undefined) {
    rows.push([
      t('case.year'),
      t('format.fiscalYearWareki', {
        year: meta.fiscalYear,
        wareki: warekiOfFiscalYear(meta.fiscalYear),
      }),
    ])
  }
  if (meta.department) rows.push([t('case.department'), meta.department])
  if (meta.area) rows.push([t('case.area'), meta.area])
  if (meta.evaluation && (meta.evaluation.city || meta.evaluation.partner)) {
    rows.push([
      t('case.evaluation'),
      <div>
        {meta.evaluation.city && (
          <Stars label={t('case.evaluation.city')} value={meta.evaluation.city} />
        )}
        {meta.evaluation.partner && (
          <Stars label={t('case.evaluation.partner')} value={meta.evaluation.partner} />
        )}
        {meta.evaluation.note && (
          <p className="muted">
            <GlossaryText text={meta.evaluation.note} />
          </p>
        )}
      </div>,
    ])
  }
  if (meta.contact && (meta.contact.name || meta.contact.section)) {
    rows.push([
      t('case.contact'),
      [meta.contact.section, meta.contact.name].filter(Boolean).join('　'),
    ])
  }
  if (meta.sources?.length) {
    rows.push([
      t('case.sources'),
      <ul className="plain">
        {meta.sources.map((s, i) => (
          <li key={i}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          </li>
        ))}
      </ul>,
    ])
  }
  if (meta.related?.length) {
    rows.push([
      t('case.related'),
      <ul className="plain">
        {meta.related.map((id) => (
          <li key={id}>
            <a href={`#/case/${id}`}>{titleOf(id) ?? id}</a>
          </li>
        ))}
      </ul>,
    ])
  }
  if (meta.tags?.length) {
    rows.push([
      t('case.tags'),
      <span>
        {meta.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </span>,
    ])
  }
  if (meta.lastVerified)
    rows.push([t('case.lastVerified'), formatDate(meta.lastVerified, language)])

  return (
    <aside className="meta-panel" aria-label={t('case.metadata')}>
      {meta.outcomes && meta.outcomes.length > 0 && (
        <section aria-label={t('case.outcomes')} className="outcomes">
          {meta.outcomes.map((o, i) => (
            <div key={i} className="outcome">
              <div className="outcome-value">
                {o.value.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB')}
                <span className="outcome-unit">{o.unit}</span>
              </div>
              <div className="outcome-label">{o.label}</div>
            </div>
          ))}
        </section>
      )}
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="meta-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  )
}

function Stars({ label, value }: { label: string; value: number }) {
  return (
    <div className="stars" aria-label={`${label} ${value}/5`}>
      <span className="muted">{label}</span>{' '}
      <span aria-hidden="true">
        {'★'.repeat(value)}
        {'☆'.repeat(5 - value)}
      </span>
    </div>
  )
}
