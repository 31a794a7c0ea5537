import { useMemo, useState } from 'react'
import type { CaseMeta, CaseStatus, LibraryInfo } from '../../../preload/contract'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import { facetsOf, type CaseFilter } from '../state/case-filter'
import { partnerTypeLabel } from './PartnerChip'

interface Props {
  info: LibraryInfo
  cases: CaseMeta[]
  filter: CaseFilter
  onFilter(filter: CaseFilter): void
}

const COLLAPSED_COUNT = 8

/** Library name and the facet groups: partner types, tags, 年度 (with 和暦), departments, status. */
export function Sidebar({ info, cases, filter, onFilter }: Props) {
  const { t, language } = useI18n()
  const facets = useMemo(() => facetsOf(cases), [cases])
  const toggle = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) =>
    onFilter({ ...filter, [key]: filter[key] === value ? undefined : value })
  const active = Object.entries(filter).some(([k, v]) => k !== 'text' && v !== undefined)

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-library" title={info.path}>
        {info.name}
      </div>
      <button
        type="button"
        className="facet-all"
        aria-pressed={!active}
        onClick={() => onFilter({ text: filter.text })}
      >
        {active ? t('sidebar.clear') : t('sidebar.all')}
        <span className="count">{cases.length}</span>
      </button>
      <FacetGroup
        title={t('sidebar.partnerTypes')}
        items={info.partnerTypes.map((type) => ({
          key: type.key,
          label: partnerTypeLabel(info.partnerTypes, type.key, language),
          count: facets.partnerTypes.find((f) => f.key === type.key)?.count ?? 0,
          color: type.color,
          selected: filter.partnerType === type.key,
          onSelect: () => toggle('partnerType', type.key),
        }))}
      />
      <FacetGroup
        title={t('sidebar.years')}
        items={facets.years.map((f) => ({
          key: String(f.key),
          label: t('format.fiscalYearWareki', { year: f.key, wareki: warekiOfFiscalYear(f.key) }),
          count: f.count,
          selected: filter.year === f.key,
          onSelect: () => toggle('year', f.key),
        }))}
      />
      <FacetGroup
        title={t('sidebar.tags')}
        items={facets.tags.map((f) => ({
          key: f.key,
          label: f.key,
          count: f.count,
          selected: filter.tag === f.key,
          onSelect: () => toggle('tag', f.key),
        }))}
      />
      <FacetGroup
        title={t('sidebar.departments')}
        items={facets.departments.map((f) => ({
          key: f.key,
          label: f.key,
          count: f.count,
          selected: filter.department === f.key,
          onSelect: () => toggle('department', f.key),
        }))}
      />
      <FacetGroup
        title={t('sidebar.status')}
        items={facets.statuses.map((f) => ({
          key: f.key,
          label: t(`status.${f.key}` as MessageKey),
          count: f.count,
          selected: filter.status === f.key,
          onSelect: () => toggle('status', f.key as CaseStatus),
        }))}
      />
    </nav>
  )
}

interface FacetItem {
  key: string
  label: string
  count: number
  color?: string
  selected: boolean
  onSelect(): void
}

function FacetGroup({ title, items }: { title: string; items: FacetItem[] }) {
  const { t } = useI18n()
  const [expanded, setExpanded] = useState(false)
  if (items.length === 0) return null
  const shown = expanded ? items : items.slice(0, COLLAPSED_COUNT)
  return (
    <section className="facet-group" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {shown.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              className="facet"
              aria-pressed={item.selected}
              onClick={item.onSelect}
            >
              {item.color && (
                <span className="chip-dot" style={{ background: item.color }} aria-hidden="true" />
              )}
              <span className="facet-label">{item.label}</span>
              <span className="count">{item.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > COLLAPSED_COUNT && (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('sidebar.less') : t('sidebar.more', { n: items.length - COLLAPSED_COUNT })}
        </button>
      )}
    </section>
  )
}
