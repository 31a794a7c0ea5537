import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseMeta, LibraryInfo } from '../../../common/model'
import { InApp } from '../in-app'
import { LearnDashboard } from '../../../renderer/src/learn/LearnDashboard'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { answer, callsOf } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(() => () => {}), attachmentUrl: vi.fn(() => '') },
}))

// jsdom has no canvas: a stand-in Chart records what it was asked to draw.
const charts = vi.hoisted(
  () =>
    [] as {
      config: {
        data: { labels: unknown[]; datasets: { label: string; data: number[] }[] }
        options: { onClick(event: unknown, elements: unknown[], chart: unknown): void }
      }
      destroyed: boolean
    }[],
)
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    static defaults = { font: {}, color: '' }
    record: (typeof charts)[number]
    constructor(_canvas: unknown, config: (typeof charts)[number]['config']) {
      this.record = { config, destroyed: false }
      charts.push(this.record)
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  return {
    Chart,
    BarController: {},
    BarElement: {},
    CategoryScale: {},
    LinearScale: {},
    Tooltip: {},
    Legend: {},
  }
})

const INFO: LibraryInfo = {
  name: 'テスト',
  path: '/lib',
  format: 'kyodo-kb/1',
  caseCount: 3,
  partnerTypes: PARTNER_TYPES,
}

const CASES: CaseMeta[] = [
  caseMeta({
    id: 'a',
    partnerTypes: ['npo'],
    forms: ['共催'],
    fiscalYear: 2019,
    department: '市民協働推進課',
  }),
  caseMeta({
    id: 'b',
    partnerTypes: ['npo', 'private'],
    forms: ['共催', '委託'],
    fiscalYear: 2021,
    department: '市民協働推進課',
  }),
  caseMeta({
    id: 'c',
    partnerTypes: ['community'],
    forms: ['後援'],
    fiscalYear: 2021,
    department: '教育委員会 生涯学習課',
  }),
]

beforeEach(() => {
  charts.length = 0
  window.location.hash = '#/learn'
  answer({
    'paths.list': () => ({ paths: [] }),
    'learn.freshness': () => ({ stale: [], active: 3, ended: 0, archived: 0, maxAgeMonths: 24 }),
    'glossary.get': () => ({
      entries: [{ term: '共催', reading: 'きょうさい', definition: 'ともに主催する' }],
    }),
  })
})
afterEach(cleanup)

function renderDashboard(cases = CASES) {
  return render(
    <InApp>
      <LearnDashboard info={INFO} cases={cases} />
    </InApp>,
  )
}

const chartTitled = (title: string) =>
  screen.getByRole('heading', { name: new RegExp(`^${title}`) }).closest('figure')!
const liveChart = (label: string) =>
  charts
    .filter((c) => !c.destroyed)
    .find((c) => c.config.data.labels.some((l) => String(l).includes(label)))!

describe('LearnDashboard: pictures of the library that open searches', () => {
  it('counts cases per partner type, and each number is a link to its search', () => {
    renderDashboard()
    const figure = chartTitled('協働相手の種別ごとの事例数')
    const npo = within(figure).getByRole('link', { name: 'NPO・市民活動：2件の事例を検索' })
    expect(npo.getAttribute('href')).toBe(`#/search?q=${encodeURIComponent('type:npo')}`)
    expect(within(figure).getByRole('link', { name: '民間企業：1件の事例を検索' })).toBeTruthy()
    // The canvas says every number in words for screen readers.
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toContain(
      'NPO・市民活動 2件',
    )
  })

  it('opens the search of the bar a click lands on', () => {
    renderDashboard()
    const chart = liveChart('地域・自治会')
    expect(chart.config.data.datasets[0]!.data).toEqual([1, 2, 1])
    const hit = { getElementsAtEventForMode: () => [{ index: 2, datasetIndex: 0 }] }
    chart.config.options.onClick({ native: new MouseEvent('click') }, [], hit)
    expect(window.location.hash).toBe(`#/search?q=${encodeURIComponent('type:private')}`)
  })

  it('stacks 年度 by partner type with 和暦, a segment narrowing to its type', () => {
    renderDashboard()
    const chart = liveChart('令和元')
    expect(chart.config.data.labels).toEqual([
      ['2019', '令和元'],
      ['2020', '令和2'],
      ['2021', '令和3'],
    ])
    // Case b (NPO + 民間企業) is one case: it sits in the 複数 segment, not in two segments.
    expect(chart.config.data.datasets.map((d) => d.label)).toEqual([
      '地域・自治会',
      'NPO・市民活動',
      '複数の相手（1件として数える）',
    ])
    const segment = { getElementsAtEventForMode: () => [{ index: 2, datasetIndex: 1 }] }
    chart.config.options.onClick({ native: new MouseEvent('click') }, [], segment)
    expect(decodeURIComponent(window.location.hash)).toBe('#/search?q=type:npo year:2021')
    // A 年度 counts each case once even when it has two partner types.
    const figure = chartTitled('年度ごとの事例数')
    expect(within(figure).getByRole('link', { name: /^2021年度（令和3年度）：2件/ })).toBeTruthy()
  })

  it('draws every chart with bars whose totals equal the case counts of its table', () => {
    const many = [
      ...CASES,
      caseMeta({ id: 'd', partnerTypes: ['npo', 'private', 'community'], fiscalYear: 2021 }),
    ]
    renderDashboard(many)
    const figures = [...document.querySelectorAll('figure.learn-chart')]
    const live = charts.filter((c) => !c.destroyed)
    expect(live).toHaveLength(figures.length)
    figures.forEach((figure, n) => {
      const rows = [...figure.querySelectorAll('tbody tr')]
      const counts = rows.map((row) => Number(row.lastElementChild!.textContent))
      const datasets = live[n]!.config.data.datasets
      const drawn = live[n]!.config.data.labels.length
      for (let i = 0; i < drawn; i++) {
        const bar = datasets.reduce((sum, d) => sum + (d.data[i] ?? 0), 0)
        expect(bar, `${figure.querySelector('h3')!.textContent} #${i}`).toBe(counts[i])
      }
    })
    // The 2021 bar is its three cases, although they name five partner types between them.
    const year = chartTitled('年度ごとの事例数')
    expect(within(year).getByRole('link', { name: /^2021年度（令和3年度）：3件/ })).toBeTruthy()
  })

  it('keeps a department with a space in one quoted filter', () => {
    renderDashboard()
    const figure = chartTitled('担当課ごとの事例数')
    const link = within(figure).getByRole('link', { name: /^教育委員会 生涯学習課：1件/ })
    expect(decodeURIComponent(link.getAttribute('href')!)).toBe(
      '#/search?q=dept:"教育委員会 生涯学習課"',
    )
  })

  it('shows the partner type × form matrix as links heat-coloured by count', () => {
    renderDashboard()
    const cell = screen.getByRole('link', { name: 'NPO・市民活動 × 共催：2件の事例を検索' })
    expect(decodeURIComponent(cell.getAttribute('href')!)).toBe('#/search?q=type:npo form:共催')
    const light = screen.getByRole('link', { name: '民間企業 × 委託：1件の事例を検索' })
    expect(cell.style.background).not.toBe(light.style.background)
  })

  it('links every partner type to its guide', () => {
    renderDashboard()
    const guides = screen.getByRole('region', { name: '協働相手ごとのガイド' })
    expect(
      within(guides)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#/learn/type/community', '#/learn/type/npo', '#/learn/type/private'])
  })

  it('says so instead of drawing empty charts when there are no cases', () => {
    renderDashboard([])
    expect(screen.getByText(/まだ事例がありません/)).toBeTruthy()
    expect(charts).toHaveLength(0)
  })
})

describe('LearnDashboard: paths, freshness and glossary', () => {
  it('creates a reading path and opens it', async () => {
    answer({
      'paths.list': () => ({ paths: [] }),
      'learn.freshness': () => ({ stale: [], active: 0, ended: 0, archived: 0, maxAgeMonths: 24 }),
      'glossary.get': () => ({ entries: [] }),
      'paths.create': () => ({ schema: 1, id: 'shinjin', title: '新人研修', steps: [] }),
    })
    renderDashboard()
    fireEvent.change(screen.getByLabelText('新しい学習パスの名前'), {
      target: { value: ' 新人研修 ' },
    })
    fireEvent.click(screen.getByRole('button', { name: '作成' }))
    await waitFor(() => expect(window.location.hash).toBe('#/paths/shinjin'))
    expect(callsOf('paths.create')).toEqual([[{ title: '新人研修', steps: [] }]])
  })

  it('lists stale cases and saves a new age', async () => {
    answer({
      'paths.list': () => ({ paths: [] }),
      'glossary.get': () => ({ entries: [] }),
      'learn.freshness': () => ({
        stale: [
          {
            id: 'a',
            title: '古い事例',
            checkedOn: '2020-04-01',
            basis: 'updatedAt',
            ageMonths: 60,
          },
        ],
        active: 2,
        ended: 1,
        archived: 0,
        maxAgeMonths: 24,
      }),
      'learn.setFreshnessAge': (months) => ({ maxAgeMonths: months }),
    })
    renderDashboard()
    const link = await screen.findByRole('link', { name: '古い事例' })
    expect(link.getAttribute('href')).toBe('#/case/a')
    expect(screen.getByText('確認日なし・最終更新 2020-04-01（60か月前）')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('確認から'), { target: { value: '12' } })
    fireEvent.click(screen.getByRole('button', { name: '変更' }))
    await waitFor(() => expect(callsOf('learn.setFreshnessAge')).toEqual([[12]]))
  })

  it('edits the glossary and saves the rows', async () => {
    let stored = [{ term: '共催', definition: 'ともに主催する' }]
    const call = answer({
      'paths.list': () => ({ paths: [] }),
      'learn.freshness': () => ({ stale: [], active: 0, ended: 0, archived: 0, maxAgeMonths: 24 }),
      'glossary.get': () => ({ entries: stored }),
      'glossary.set': (entries) => {
        // The library keeps what was saved: the next glossary.get answers with it.
        stored = entries
        return { entries }
      },
    })
    renderDashboard()
    fireEvent.click(await screen.findByRole('button', { name: '用語集を編集' }))
    fireEvent.click(screen.getByRole('button', { name: /用語を追加/ }))
    fireEvent.change(screen.getByLabelText('用語 2'), { target: { value: '後援' } })
    fireEvent.change(screen.getByLabelText('読み 2'), { target: { value: 'こうえん' } })
    fireEvent.change(screen.getByLabelText('説明 2'), { target: { value: '名義の使用を認める' } })
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(call).toHaveBeenCalledWith('glossary.set', expect.anything()))
    expect(callsOf('glossary.set')[0]).toEqual([
      [
        { term: '共催', definition: 'ともに主催する' },
        { term: '後援', reading: 'こうえん', definition: '名義の使用を認める' },
      ],
    ])
    const glossary = screen.getByRole('region', { name: '用語集' })
    expect(await within(glossary).findByText('名義の使用を認める')).toBeTruthy()
    // The new term is a tooltip at once wherever it appears, e.g. in the matrix header.
    const term = screen
      .getByRole('columnheader', { name: /^後援/ })
      .querySelector('.glossary-term')!
    expect(document.getElementById(term.getAttribute('aria-describedby')!)?.textContent).toContain(
      '名義の使用を認める',
    )
  })
})
