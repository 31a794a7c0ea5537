import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type {
  CaseMeta,
  CollaborationCheck,
  LibraryInfo,
  NominalLesson,
} from '../../../common/model'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { KyodoPage } from '../../../renderer/src/learn/KyodoPage'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { answer } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(() => () => {}), attachmentUrl: vi.fn(() => '') },
}))

afterEach(cleanup)

const INFO: LibraryInfo = {
  name: 'テスト',
  path: '/lib',
  format: 'kyodo-kb/1',
  caseCount: 3,
  partnerTypes: PARTNER_TYPES,
}
const check = (o: number, p: number, g: number, a: number, note = ''): CollaborationCheck => ({
  ownership: { score: o, note: `${note}主体` },
  problem: { score: p, note: `${note}課題` },
  goal: { score: g, note: `${note}目標` },
  action: { score: a, note: `${note}実行` },
})
const CASES: CaseMeta[] = [
  caseMeta({
    id: 'strong',
    title: '強い事例',
    partnerTypes: ['npo'],
    collaboration: check(5, 5, 5, 4, '強い'),
  }),
  caseMeta({
    id: 'weak',
    title: '名ばかりの事例',
    partnerTypes: ['npo', 'private'],
    collaboration: check(1, 3, 2, 4, '弱い'),
  }),
  caseMeta({ id: 'plain', title: '未評価の事例', partnerTypes: ['community'] }),
]
const LESSON: NominalLesson = {
  caseId: 'weak',
  title: '名ばかりの事例',
  collaboration: CASES[1]!.collaboration!,
  low: ['ownership', 'goal'],
  lesson: { markdown: '- 名義だけの後援だった', items: ['名義だけの後援だった'] },
}

function renderPage(
  cases = CASES,
  paths = [{ schema: 1, id: 'kyodo-4yoso', title: 'p', steps: [] }],
) {
  answer({
    'learn.nominal': () => ({ lessons: [LESSON] }),
    'paths.list': () => ({ paths }),
  })
  return render(
    <I18nProvider initial="ja">
      <KyodoPage info={INFO} cases={cases} />
    </I18nProvider>,
  )
}
const card = (name: string) =>
  screen.getByRole('heading', { name: new RegExp(name) }).closest('li') as HTMLElement

describe('KyodoPage (協働とは)', () => {
  it('names the best example of each element with its note and a search for that element', () => {
    renderPage()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('協働とは')
    for (const [name, key, note] of [
      ['ともに主体的に', 'ownership', '強い主体'],
      ['課題に向き合う', 'problem', '強い課題'],
      ['目標に共感する', 'goal', '強い目標'],
      ['ともに取り組む', 'action', '強い実行'],
    ] as const) {
      const example = card(name).querySelector('.kyodo-example')!
      expect(
        within(example as HTMLElement)
          .getByRole('link', { name: '強い事例' })
          .getAttribute('href'),
      ).toBe('#/case/strong')
      expect(example.textContent).toContain(note)
      expect(
        within(card(name))
          .getByRole('link', { name: 'この要素が4以上の事例を見る' })
          .getAttribute('href'),
      ).toBe(`#/search?q=${encodeURIComponent(`elem:${key}>=4`)}`)
    }
    // Notes of every checked case are gathered per element, highest score first.
    const notes = card('目標に共感する').querySelectorAll('.kyodo-notes li')
    expect([...notes].map((li) => li.textContent?.slice(0, 8))).toEqual([
      '5／5 強い目標',
      '2／5 弱い目標',
    ])
  })

  it('counts the checked cases and links the all-four search and the reading path', async () => {
    renderPage()
    expect(
      screen.getByText(/振り返り済みの事例 2 件のうち、4要素すべてが4以上の事例は 1 件です。/),
    ).toBeTruthy()
    expect(
      screen.getByRole('link', { name: '4要素すべてが4以上の事例を見る' }).getAttribute('href'),
    ).toBe(`#/search?q=${encodeURIComponent('elem:all>=4')}`)
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /読書パス/ }).getAttribute('href')).toBe(
        '#/paths/kyodo-4yoso',
      ),
    )
  })

  it('leaves the path link out where the library has no such path', async () => {
    renderPage(CASES, [])
    await waitFor(() =>
      expect(screen.getByRole('region', { name: '名ばかり連携の教訓' }).textContent).toContain(
        '名義だけの後援だった',
      ),
    )
    expect(screen.queryByRole('link', { name: /読書パス/ })).toBeNull()
  })

  it('averages each element per partner type and marks the lowest', () => {
    renderPage()
    const table = screen.getByRole('table', { name: '協働相手の種別ごとの平均' })
    const rows = within(table).getAllByRole('row').slice(1)
    // community has no checked case: no row rather than a row of zeros.
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual([
      'NPO・市民活動 2 件',
      '民間企業 1 件',
    ])
    expect(rows[0]!.textContent).toContain('3.0') // ownership (5 + 1) / 2
    expect(rows[0]!.querySelector('td.weakest')!.textContent).toContain('いちばん低い要素')
    expect(rows[1]!.querySelectorAll('td.weakest')).toHaveLength(1)
  })

  it('shows the name-only lesson with the low elements and the case’s own 苦労と教訓', async () => {
    renderPage()
    const lesson = screen.getByRole('region', { name: '名ばかり連携の教訓' })
    await waitFor(() => expect(lesson.textContent).toContain('名義だけの後援だった'))
    expect(lesson.textContent).toContain('低かった要素: ともに主体的に 1／5、目標に共感する 2／5')
    expect(within(lesson).getByRole('link', { name: '名ばかりの事例' }).getAttribute('href')).toBe(
      '#/case/weak',
    )
  })

  it('invites a first check when no case has one', () => {
    renderPage([CASES[2]!])
    expect(screen.getByText(/まだ「協働の4要素」を振り返った事例がありません/)).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })
})
