import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartEvent,
} from 'chart.js'
import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import './charts.css'

// Only the pieces the learn charts use, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

const FALLBACK_FONT =
  "'Yu Gothic UI', 'Yu Gothic', YuGothic, Meiryo, 'Hiragino Sans', 'Noto Sans CJK JP', system-ui, sans-serif"

/** The app's font stack (base.css `--font`), so Japanese labels use the same system fonts. */
function appFont(): string {
  const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim()
  return font || FALLBACK_FONT
}

export interface BarSeries {
  label: string
  color: string
  values: number[]
}

export interface BarCategory {
  /** What the axis shows: one line, or several (年度 over 和暦). */
  axisLabel: string | string[]
  /** The category in words, for the table and the canvas description. */
  name: string
}

interface Props {
  title: string
  /** One line under the title saying what the picture shows. */
  caption?: string
  categories: BarCategory[]
  series: BarSeries[]
  /** Bars along the y axis (long Japanese labels read better that way). */
  horizontal?: boolean
  /** Several series stacked in one bar per category, with a legend. */
  stacked?: boolean
  /** Per bar colours of a single series (partner types have their own colours). */
  barColors?: string[]
  /** The number of cases per category when it is not the sum of the series (a case with two
   * partner types is in two segments of its 年度 but one case of that 年度). */
  totals?: number[]
  /** The search behind a bar (series omitted: the whole category). */
  hrefFor(category: number, series?: number): string
  /** Draw only the first this many categories (the table still lists every one). */
  chartLimit?: number
  /** Opens a link (the app's hash navigation; replaced in tests). */
  open?(href: string): void
}

const openHash = (href: string) => {
  window.location.hash = href.replace(/^#/, '')
}

/**
 * A Chart.js bar chart a click on which opens the search behind the bar, with what a keyboard
 * or screen-reader user needs beside it: a description of every number on the canvas and a
 * table whose numbers are the same searches as links.
 */
export function BarChart(props: Props) {
  const { title, caption, categories, series, horizontal, stacked, hrefFor } = props
  const limit = props.chartLimit ?? categories.length
  const drawn = categories.slice(0, limit)
  const barColors = props.barColors?.slice(0, limit)
  const { t } = useI18n()
  const canvas = useRef<HTMLCanvasElement>(null)
  const open = props.open ?? openHash
  const totals =
    props.totals ?? categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
  const description = t('learn.chart.described', {
    title,
    values: categories
      .map((c, i) => t('learn.chart.value', { name: c.name, n: totals[i]! }))
      .join('、'),
  })

  // The chart is rebuilt when what it shows changes; the click handler reads the latest props.
  const latest = useRef({ hrefFor, open })
  useEffect(() => {
    latest.current = { hrefFor, open }
  })
  const shape = JSON.stringify({ drawn, series, horizontal, stacked, barColors, limit })
  useEffect(() => {
    const element = canvas.current
    if (!element) return
    Chart.defaults.font.family = appFont()
    Chart.defaults.color = '#3a4653'
    const valueAxis = horizontal ? 'x' : 'y'
    const categoryAxis = horizontal ? 'y' : 'x'
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        labels: drawn.map((c) => c.axisLabel),
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values.slice(0, limit),
          backgroundColor: barColors && series.length === 1 ? barColors : s.color,
          borderRadius: 4,
          maxBarThickness: 34,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        interaction: { mode: 'index', axis: categoryAxis, intersect: false },
        plugins: {
          legend: {
            display: stacked === true,
            position: 'bottom',
            labels: { boxWidth: 12, boxHeight: 12, font: { size: 12 } },
          },
          tooltip: { footerFont: { weight: 'normal' } },
        },
        scales: {
          [valueAxis]: {
            stacked,
            beginAtZero: true,
            ticks: { precision: 0 },
            grid: { color: '#eef0f2' },
          },
          [categoryAxis]: {
            stacked,
            grid: { display: false },
            ticks: { font: { size: 12 }, autoSkip: false },
          },
        },
        onHover(event: ChartEvent, elements) {
          const target = event.native?.target as HTMLElement | null
          if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default'
        },
        onClick(event: ChartEvent, _elements, chart) {
          if (!event.native) return
          // A stacked segment narrows to its series; anywhere else in the column, the category.
          const segment = stacked
            ? chart.getElementsAtEventForMode(event.native, 'nearest', { intersect: true }, true)
            : []
          const hit = segment[0]
            ? segment
            : chart.getElementsAtEventForMode(
                event.native,
                'index',
                { intersect: false, axis: categoryAxis },
                true,
              )
          const first = hit[0]
          if (!first) return
          const { hrefFor: href, open: go } = latest.current
          go(href(first.index, segment[0] && series.length > 1 ? first.datasetIndex : undefined))
        },
      },
    })
    return () => chart.destroy()
    // `shape` stands for every input of the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape])

  const height = horizontal ? Math.max(140, drawn.length * 30 + 40) : 280

  return (
    <figure className="learn-chart">
      <figcaption>
        <h3>{title}</h3>
        {caption && <p className="muted small">{caption}</p>}
      </figcaption>
      <div className="learn-chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={description}>
          {description}
        </canvas>
      </div>
      <details className="learn-chart-table">
        <summary>{t('learn.chart.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learn.chart.category')}</th>
              {series.length > 1 &&
                series.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
              <th scope="col">{t('learn.chart.count')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                {series.length > 1 &&
                  series.map((s, j) => (
                    <td key={s.label}>
                      {s.values[i] ? (
                        <a href={hrefFor(i, j)}>{s.values[i]}</a>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  ))}
                <td>
                  <a
                    href={hrefFor(i)}
                    aria-label={t('learn.chart.openSearch', { name: c.name, n: totals[i]! })}
                  >
                    {totals[i]}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
