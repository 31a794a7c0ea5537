import { useMemo } from 'react'
import type { CaseMeta, LibraryInfo, PartnerType } from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { isStillActive } from '../../../common/learn/freshness'
import { libraryOverview, type LibraryOverview } from '../../../common/learn/overview'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n, type Translate } from '../i18n/i18n'
import { formLabel } from '../components/form-labels'
import { BarChart } from './BarChart'
import { FormMatrix } from './FormMatrix'
import { FreshnessPanel } from './FreshnessPanel'
import { GlossaryEditor } from './GlossaryEditor'
import { KyodoLink } from './KyodoLink'
import { PathsPanel } from './PathsPanel'
import { searchHref, shortLabel } from './learn-data'
import './learn-common.css'
import './dashboard.css'

interface Props {
  info: LibraryInfo
  cases: CaseMeta[]
}

/** Colours of the 協働の形態 bars: calm, distinct, readable on white. */
const FORM_COLORS = ['#1f5fa8', '#2f8f83', '#c0602a', '#7a4bb0', '#a8781f', '#b0466b', '#4f7d2f']
const DEPARTMENT_COLOR = '#3f7fbf'
/** Departments drawn as bars; the rest are in the chart's table. */
const DEPARTMENT_BARS = 10

/**
 * `#/learn`: how this city collaborates, as pictures a new hire can read in minutes — with whom,
 * in which forms, when and by which departments — then the partner-type guides, the reading
 * paths, the cases to re-check and the glossary.
 */
export function LearnDashboard({ info, cases }: Props) {
  const { t } = useI18n()
  const types = info.partnerTypes
  const overview = useMemo(
    () =>
      libraryOverview(
        cases,
        types.map((p) => p.key),
      ),
    [cases, types],
  )
  const active = cases.filter(isStillActive).length
  const years = overview.byYear

  return (
    <div className="learn-page">
      <header className="learn-hero">
        <h1>{t('learn.title')}</h1>
        <p className="learn-lead">{t('learn.lead')}</p>
        <ul className="learn-stats" aria-label={t('learn.stats')}>
          <Stat value={overview.total} unit={t('learn.unit.cases')} label={t('learn.stat.cases')} />
          <Stat
            value={overview.byPartnerType.filter((p) => p.count > 0).length}
            unit={t('learn.unit.types')}
            label={t('learn.stat.types')}
          />
          <Stat
            value={overview.byDepartment.length}
            unit={t('learn.unit.departments')}
            label={t('learn.stat.departments')}
          />
          <Stat value={active} unit={t('learn.unit.cases')} label={t('learn.stat.active')} />
          {years.length > 0 && (
            <Stat
              value={`${years[0]!.year}–${years[years.length - 1]!.year}`}
              unit={t('learn.unit.fiscalYear')}
              label={t('learn.stat.years')}
            />
          )}
        </ul>
      </header>

      <KyodoLink />

      <GuideCards overview={overview} types={types} />

      <section className="learn-section" aria-labelledby="learn-charts">
        <h2 id="learn-charts">{t('learn.charts')}</h2>
        <p className="muted">{t('learn.charts.help')}</p>
        {overview.total === 0 ? (
          <p className="learn-empty">{t('learn.noCases')}</p>
        ) : (
          <Charts overview={overview} types={types} />
        )}
      </section>

      {overview.total > 0 && (
        <section className="learn-section" aria-labelledby="learn-matrix">
          <h2 id="learn-matrix">{t('learn.matrix')}</h2>
          <p className="muted">{t('learn.matrix.help')}</p>
          <FormMatrix overview={overview} types={types} />
        </section>
      )}

      <PathsPanel libraryPath={info.path} />
      <FreshnessPanel />
      <GlossaryEditor />
    </div>
  )
}

function Stat({ value, unit, label }: { value: number | string; unit: string; label: string }) {
  return (
    <li className="learn-stat">
      <span className="learn-stat-label">{label}</span>
      <span className="learn-stat-value">
        {value}
        <small>{unit}</small>
      </span>
    </li>
  )
}

function GuideCards({ overview, types }: { overview: LibraryOverview; types: PartnerType[] }) {
  const { t, language } = useI18n()
  const count = new Map(overview.byPartnerType.map((p) => [p.key, p.count]))
  return (
    <section className="learn-section" aria-labelledby="learn-guides">
      <h2 id="learn-guides">{t('learn.guides')}</h2>
      <p className="muted">{t('learn.guides.help')}</p>
      <ul className="guide-cards">
        {types.map((type) => (
          <li key={type.key}>
            <a
              className="guide-card"
              href={`#/learn/type/${type.key}`}
              style={{ ['--type-color' as string]: type.color }}
            >
              <span className="guide-card-name" title={partnerTypeLabel(types, type.key, language)}>
                {shortLabel(partnerTypeLabel(types, type.key, language))}
              </span>
              <span className="guide-card-count">
                {t('learn.caseCount', { n: count.get(type.key) ?? 0 })}
              </span>
              <span className="guide-card-go" aria-hidden="true">
                {t('learn.guides.read')} →
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function Charts({ overview, types }: { overview: LibraryOverview; types: PartnerType[] }) {
  const { t, language } = useI18n()
  const label = (key: string) => partnerTypeLabel(types, key, language)
  const colorOf = (key: string) => types.find((p) => p.key === key)?.color ?? '#8a949e'
  // The 年度 stack counts each case once: a segment per partner type for cases with only that
  // type, and one 複数 segment for cases with several, so every bar is its number of cases.
  const yearTypes = overview.byPartnerType
    .map((p) => p.key)
    .filter((key) => overview.byYear.some((y) => (y.singleType[key] ?? 0) > 0))
  const hasMultiple = overview.byYear.some((y) => y.multipleTypes > 0)
  const missing = missingNote(t, overview)

  return (
    <div className="learn-charts">
      <BarChart
        title={t('learn.chart.byType')}
        caption={t('learn.chart.byType.caption')}
        horizontal
        categories={overview.byPartnerType.map((p) => ({
          axisLabel: shortLabel(label(p.key)),
          name: label(p.key),
        }))}
        series={[
          {
            label: t('learn.chart.cases'),
            color: '#1f5fa8',
            values: overview.byPartnerType.map((p) => p.count),
          },
        ]}
        barColors={overview.byPartnerType.map((p) => colorOf(p.key))}
        hrefFor={(i) => searchHref({ partnerType: overview.byPartnerType[i]!.key })}
      />
      <BarChart
        title={t('learn.chart.byForm')}
        caption={t('learn.chart.byForm.caption') + missing.form}
        horizontal
        categories={overview.byForm.map((f) => ({
          axisLabel: formLabel(f.form, t),
          name: formLabel(f.form, t),
        }))}
        series={[
          {
            label: t('learn.chart.cases'),
            color: FORM_COLORS[0]!,
            values: overview.byForm.map((f) => f.count),
          },
        ]}
        barColors={overview.byForm.map((_, i) => FORM_COLORS[i % FORM_COLORS.length]!)}
        hrefFor={(i) => searchHref({ form: overview.byForm[i]!.form })}
      />
      {overview.byYear.length > 0 && (
        <div className="learn-chart-wide">
          <BarChart
            title={t('learn.chart.byYear')}
            caption={t('learn.chart.byYear.caption') + missing.year}
            stacked
            categories={overview.byYear.map((y) => {
              const wareki = warekiOfFiscalYear(y.year)
              return {
                axisLabel: [String(y.year), wareki.replace(/年度$/, '')],
                name: t('format.fiscalYearWareki', { year: y.year, wareki }),
              }
            })}
            totals={overview.byYear.map((y) => y.total)}
            series={[
              ...yearTypes.map((key) => ({
                label: shortLabel(label(key)),
                color: colorOf(key),
                values: overview.byYear.map((y) => y.singleType[key] ?? 0),
              })),
              ...(hasMultiple
                ? [
                    {
                      label: t('learn.chart.multipleTypes'),
                      color: '#8a949e',
                      values: overview.byYear.map((y) => y.multipleTypes),
                    },
                  ]
                : []),
            ]}
            hrefFor={(i, s) =>
              searchHref({
                year: overview.byYear[i]!.year,
                // The 複数 segment has no single filter: it opens the whole 年度.
                partnerType: s === undefined ? undefined : yearTypes[s],
              })
            }
          />
        </div>
      )}
      {overview.byDepartment.length > 0 && (
        <div className="learn-chart-wide">
          <BarChart
            title={t('learn.chart.byDepartment')}
            caption={
              t('learn.chart.byDepartment.caption') +
              (overview.byDepartment.length > DEPARTMENT_BARS
                ? t('learn.chart.topOnly', {
                    n: DEPARTMENT_BARS,
                    total: overview.byDepartment.length,
                  })
                : '') +
              missing.department
            }
            horizontal
            chartLimit={DEPARTMENT_BARS}
            categories={overview.byDepartment.map((d) => ({
              axisLabel: d.department,
              name: d.department,
            }))}
            series={[
              {
                label: t('learn.chart.cases'),
                color: DEPARTMENT_COLOR,
                values: overview.byDepartment.map((d) => d.count),
              },
            ]}
            hrefFor={(i) => searchHref({ department: overview.byDepartment[i]!.department })}
          />
        </div>
      )}
    </div>
  )
}

/** 「（年度未設定 2件）」 after a caption when some cases are not in the picture. */
function missingNote(t: Translate, overview: LibraryOverview) {
  const note = (n: number) => (n > 0 ? t('learn.chart.missing', { n }) : '')
  return {
    year: note(overview.missing.year),
    form: note(overview.missing.form),
    department: note(overview.missing.department),
  }
}
