import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'
import type { CaseMeta, DamagedCase, PartnerType, SearchHit } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import type { CaseSort } from '../state/case-filter'
import { PartnerChip } from './PartnerChip'
import { ExcelExportButton } from '../exchange/ExcelExportButton'
import { useRovingList } from './use-roving-list'
import { Segments } from './Segments'

interface Props {
  cases: CaseMeta[]
  totalCount: number
  damaged: DamagedCase[]
  partnerTypes: PartnerType[]
  selectedId?: string
  sort: CaseSort
  onSort(sort: CaseSort): void
  /** While searching: the hits (with highlighted snippets) by id, and the engine's timing. */
  search?: { hits: Map<string, SearchHit>; ms: number; onSave(): void }
  /** Shown above the list: the active filters as chips, a 「もしかして」 suggestion. */
  header?: ReactNode
}

const ROW_HEIGHT = 104

/**
 * The case list, virtualised: only the rows in view are in the DOM, so 10,000 cases scroll as
 * smoothly as 20. Rows are links to `#/case/<id>`; the selected one is scrolled into view.
 */
export function CaseList({
  cases,
  totalCount,
  damaged,
  partnerTypes,
  selectedId,
  sort,
  onSort,
  search,
  header,
}: Props) {
  const { t } = useI18n()
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const selectedIndex = cases.findIndex((c) => c.id === selectedId)
  const roving = useRovingList({
    count: cases.length,
    selectedIndex,
    scroller,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  })
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  return (
    <section className="case-list" aria-label={t('list.label')}>
      {header}
      <div className="list-toolbar">
        <span className="list-count" role="status">
          {search
            ? t('search.resultCount', { n: cases.length, ms: Math.round(search.ms) })
            : t('list.count', { n: cases.length })}
        </span>
        {search && (
          <button type="button" className="link-button small" onClick={search.onSave}>
            {t('search.save')}
          </button>
        )}
        <ExcelExportButton ids={cases.map((c) => c.id)} />
        <label className="sort">
          <span>{t('list.sort')}</span>
          <select value={sort} onChange={(e) => onSort(e.target.value as CaseSort)}>
            {search && <option value="relevance">{t('list.sort.relevance')}</option>}
            <option value="updated">{t('list.sort.updated')}</option>
            <option value="year">{t('list.sort.year')}</option>
            <option value="title">{t('list.sort.title')}</option>
          </select>
        </label>
      </div>
      {damaged.length > 0 && (
        <details className="damaged-notice">
          <summary>{t('list.damaged', { n: damaged.length })}</summary>
          <p>{t('list.damagedHelp')}</p>
          <ul>
            {damaged.map((d) => (
              <li key={d.id}>
                <code>{d.file}</code>: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {cases.length === 0 ? (
        <div className="empty-state">
          <h2>{totalCount === 0 ? t('list.empty.title') : t('list.noResults.title')}</h2>
          <p>{totalCount === 0 ? t('list.empty.body') : t('list.noResults.body')}</p>
          {totalCount === 0 && (
            <a className="button primary" href="#/new">
              {t('nav.new')}
            </a>
          )}
        </div>
      ) : (
        <div className="list-scroller" ref={scroller}>
          {/* Arrow keys move between rows; the list is one Tab stop (use-roving-list.ts). */}
          <ul
            aria-label={t('list.label')}
            onKeyDown={roving.onKeyDown}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const meta = cases[item.index]!
              return (
                <li
                  key={meta.id}
                  data-index={item.index}
                  aria-setsize={cases.length}
                  aria-posinset={item.index + 1}
                  className="case-row-item"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <CaseRow
                    meta={meta}
                    partnerTypes={partnerTypes}
                    selected={meta.id === selectedId}
                    hit={search?.hits.get(meta.id)}
                    tabIndex={roving.tabIndexOf(item.index)}
                  />
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </section>
  )
}

interface RowProps {
  meta: CaseMeta
  partnerTypes: PartnerType[]
  selected: boolean
  hit?: SearchHit
  tabIndex: number
}

function CaseRow({ meta, partnerTypes, selected, hit, tabIndex }: RowProps) {
  const { t } = useI18n()
  return (
    <a
      className="case-row"
      href={`#/case/${meta.id}`}
      aria-current={selected ? 'page' : undefined}
      tabIndex={tabIndex}
    >
      <span className="case-row-title">
        {meta.status !== 'published' && (
          <span className={`status-badge ${meta.status}`}>{t(`status.${meta.status}`)}</span>
        )}
        {hit ? <Segments segments={hit.titleSegments} /> : meta.title}
      </span>
      {hit && hit.snippets[0] ? (
        <span className="case-row-summary snippet">
          <Segments segments={hit.snippets[0]} />
        </span>
      ) : (
        meta.summary && <span className="case-row-summary">{meta.summary}</span>
      )}
      <span className="case-row-meta">
        {meta.partnerTypes.map((key) => (
          <PartnerChip key={key} typeKey={key} types={partnerTypes} />
        ))}
        {meta.fiscalYear !== undefined && (
          <span className="meta-item">{t('format.fiscalYear', { year: meta.fiscalYear })}</span>
        )}
        {meta.department && <span className="meta-item">{meta.department}</span>}
      </span>
    </a>
  )
}
