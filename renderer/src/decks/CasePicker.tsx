import { useMemo, useState } from 'react'
import type { CaseMeta, PartnerType } from '../../../common/model'
import { Dialog } from '../components/Dialog'
import { useI18n } from '../i18n/i18n'
import { facetsOf, matchesFilter, type CaseFilter } from '../state/case-filter'
import { useSearch } from '../state/use-search'
import './case-picker.css'

/**
 * 「事例を追加」: the library's cases with the main list's search (the same engine: words,
 * phrases, `type:` `year:` …) and its filters (partner type, 年度, department, tag). Adds one
 * case, or every case of the current results at once.
 */
export function CasePicker(props: {
  cases: CaseMeta[]
  partnerTypes: PartnerType[]
  /** Cases already in the deck: shown as added. */
  inDeck: Set<string>
  onAdd(caseIds: string[]): void
  onClose(): void
}) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<CaseFilter>({})
  const search = useSearch(query, 'relevance', 0)
  const facets = useMemo(() => facetsOf(props.cases), [props.cases])
  const results = useMemo(() => {
    const byId = new Map(props.cases.map((c) => [c.id, c]))
    const found = query.trim()
      ? (search.result?.ids ?? []).flatMap((id) => byId.get(id) ?? [])
      : [...props.cases].sort((a, b) => a.title.localeCompare(b.title, 'ja'))
    return found.filter((c) => matchesFilter(c, filter))
  }, [props.cases, query, search.result, filter])
  const addable = results.filter((c) => !props.inDeck.has(c.id))
  const searching = query.trim() !== '' && search.query !== query
  const typeLabel = (key: string) => props.partnerTypes.find((p) => p.key === key)?.ja ?? key
  // The picker chooses one 年度 at a time (the sidebar may hold several).
  const select = (name: keyof CaseFilter, value: string) =>
    setFilter((f) => ({
      ...f,
      [name]: value === '' ? undefined : name === 'years' ? [Number(value)] : value,
    }))

  return (
    <Dialog title={t('picker.title')} onClose={props.onClose} wide>
      <div className="case-picker">
        <label htmlFor="picker-query">{t('picker.search')}</label>
        <input
          id="picker-query"
          type="search"
          value={query}
          autoFocus
          placeholder={t('picker.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="picker-filters">
          <Select
            label={t('picker.type')}
            value={filter.partnerType ?? ''}
            onChange={(v) => select('partnerType', v)}
            options={facets.partnerTypes.map((f) => [f.key, `${typeLabel(f.key)}（${f.count}）`])}
          />
          <Select
            label={t('picker.year')}
            value={filter.years?.[0]?.toString() ?? ''}
            onChange={(v) => select('years', v)}
            options={facets.years.map((f) => [
              String(f.key),
              t('picker.yearOption', { year: f.key, n: f.count }),
            ])}
          />
          <Select
            label={t('picker.department')}
            value={filter.department ?? ''}
            onChange={(v) => select('department', v)}
            options={facets.departments.map((f) => [f.key, `${f.key}（${f.count}）`])}
          />
          <Select
            label={t('picker.tag')}
            value={filter.tag ?? ''}
            onChange={(v) => select('tag', v)}
            options={facets.tags.map((f) => [f.key, `${f.key}（${f.count}）`])}
          />
        </div>
        <div className="picker-summary" role="status">
          <span>
            {searching ? t('picker.searching') : t('picker.count', { n: results.length })}
          </span>
          <button
            type="button"
            className="button primary"
            disabled={addable.length === 0 || searching}
            onClick={() => props.onAdd(addable.map((c) => c.id))}
          >
            {t('picker.addAll', { n: addable.length })}
          </button>
        </div>
        <ul className="picker-results" aria-label={t('picker.results')}>
          {results.map((c) => (
            <li key={c.id}>
              <div className="picker-case">
                <span className="picker-case-title">{c.title}</span>
                <span className="muted small">
                  {[
                    c.partnerTypes.map(typeLabel).join('・'),
                    c.fiscalYear && t('picker.fiscalYear', { year: c.fiscalYear }),
                    c.department,
                  ]
                    .filter(Boolean)
                    .join('　')}
                </span>
              </div>
              {props.inDeck.has(c.id) ? (
                <span className="muted small">{t('picker.inDeck')}</span>
              ) : (
                <button
                  type="button"
                  className="button small"
                  aria-label={t('picker.addOne', { title: c.title })}
                  onClick={() => props.onAdd([c.id])}
                >
                  {t('deck.addCaseButton')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  )
}

function Select(props: {
  label: string
  value: string
  options: [string, string][]
  onChange(value: string): void
}) {
  const { t } = useI18n()
  return (
    <label className="picker-filter">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('picker.any')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}
