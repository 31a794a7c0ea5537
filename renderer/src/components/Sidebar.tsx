import { useState } from 'react'
import type {
  CaseStatus,
  DeckSummary,
  FacetCount,
  LibraryInfo,
  SavedSearch,
  SearchFacets,
} from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import type { CaseFilter } from '../state/case-filter'
import { partnerTypeLabel } from './PartnerChip'

interface Props {
  info: LibraryInfo
  /** Counts that follow the current query (or the whole library when there is none). */
  facets: SearchFacets
  total: number
  filter: CaseFilter
  onFilter(filter: CaseFilter): void
  savedSearches: SavedSearch[]
  decks: DeckSummary[]
  onOpenSaved(search: SavedSearch): void
  onRemoveSaved(search: SavedSearch): void
}

const COLLAPSED_COUNT = 8
const countOf = (facets: FacetCount[], key: string) => facets.find((f) => f.key === key)?.count ?? 0

/** Library name, saved searches and the facet groups: partner types, 年度 (with 和暦), tags, departments, status. */
export function Sidebar({
  info,
  facets,
  total,
  filter,
  onFilter,
  savedSearches,
  decks,
  onOpenSaved,
  onRemoveSaved,
}: Props) {
  const { t, language } = useI18n()
  const toggle = <K extends keyof CaseFilter>(key: K, value: CaseFilter[K]) =>
    onFilter({ ...filter, [key]: filter[key] === value ? undefined : value })
  const active = Object.entries(filter).some(([k, v]) => k !== 'text' && v !== undefined)
  const years = [...facets.years].sort((a, b) => Number(b.key) - Number(a.key))

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
        <span className="count">{total}</span>
      </button>
      {savedSearches.length > 0 && (
        <section className="facet-group" aria-label={t('sidebar.saved')}>
          <h2>{t('sidebar.saved')}</h2>
          <ul>
            {savedSearches.map((s) => (
              <li key={s.id} className="saved-search">
                <button
                  type="button"
                  className="facet"
                  title={s.query}
                  onClick={() => onOpenSaved(s)}
                >
                  <span aria-hidden="true">🔖</span>
                  <span className="facet-label">{s.name}</span>
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={t('sidebar.removeSaved', { name: s.name })}
                  onClick={() => onRemoveSaved(s)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {decks.length > 0 && (
        <section className="facet-group" aria-label={t('sidebar.decks')}>
          <h2>{t('sidebar.decks')}</h2>
          <ul>
            {decks.slice(0, 8).map((d) => (
              <li key={d.id}>
                <a className="facet" href={`#/decks/${d.id}`}>
                  <span aria-hidden="true">🖥</span>
                  <span className="facet-label">{d.title}</span>
                  <span className="count">{d.caseCount}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <FacetGroup
        title={t('sidebar.partnerTypes')}
        items={info.partnerTypes.map((type) => ({
          key: type.key,
          label: partnerTypeLabel(info.partnerTypes, type.key, language),
          count: countOf(facets.partnerTypes, type.key),
          color: type.color,
          selected: filter.partnerType === type.key,
          onSelect: () => toggle('partnerType', type.key),
        }))}
      />
      <FacetGroup
        title={t('sidebar.years')}
        items={years.map((f) => ({
          key: f.key,
          label: t('format.fiscalYearWareki', {
            year: f.key,
            wareki: warekiOfFiscalYear(Number(f.key)),
          }),
          count: f.count,
          selected: filter.years?.includes(Number(f.key)) ?? false,
          onSelect: () => onFilter({ ...filter, years: toggleYear(filter.years, Number(f.key)) }),
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

/** Several 年度 can be chosen at once (OR); the last one unticked clears the group. */
function toggleYear(years: number[] | undefined, year: number): number[] | undefined {
  const next = years?.includes(year)
    ? years.filter((y) => y !== year)
    : [...(years ?? []), year].sort((a, b) => a - b)
  return next.length > 0 ? next : undefined
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
              disabled={item.count === 0 && !item.selected}
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
