import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InApp } from '../in-app'
import { GlossaryText } from '../../../renderer/src/learn/GlossaryText'
import { RelatedCases } from '../../../renderer/src/learn/RelatedCases'
import { PARTNER_TYPES } from '../fixtures'
import { answer } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(() => () => {}), attachmentUrl: vi.fn(() => '') },
}))

beforeEach(() => {
  answer({
    'cases.list': () => ({ cases: [], damaged: [] }),
    'library.info': () => ({
      name: 'x',
      path: '/lib',
      format: 'kyodo-kb/1',
      caseCount: 3,
      partnerTypes: PARTNER_TYPES,
    }),
    'glossary.get': () => ({
      entries: [
        { term: '実行委員会', reading: 'じっこういいんかい', definition: '関係団体でつくる組織' },
        { term: '協議会', definition: '話し合いの場' },
      ],
    }),
    'learn.related': () => ({
      related: [
        { id: 'a', title: '登録された事例', score: 1.2, reasons: [{ kind: 'explicit' }] },
        {
          id: 'b',
          title: '似た事例',
          score: 0.5,
          reasons: [
            { kind: 'partnerType', key: 'npo' },
            { kind: 'tags', tags: ['防災', '子育て'] },
            { kind: 'similar', similarity: 0.3 },
          ],
        },
        ...[1, 2, 3, 4].map((n) => ({
          id: `x${n}`,
          title: `他${n}`,
          score: 0.1,
          reasons: [{ kind: 'similar', similarity: 0.2 }],
        })),
      ],
    }),
  })
})
afterEach(cleanup)

const inJapanese = (node: React.ReactNode) => render(<InApp>{node}</InApp>)

describe('RelatedCases', () => {
  it('lists at most five related cases, each a link with its reasons in words', async () => {
    inJapanese(<RelatedCases caseId="target" />)
    const section = await screen.findByRole('region', { name: '関連する事例' })
    const links = within(section).getAllByRole('link')
    expect(links).toHaveLength(5)
    expect(links[0]!.getAttribute('href')).toBe('#/case/a')
    expect(within(section).getByText('関連事例として登録')).toBeTruthy()
    await waitFor(() =>
      expect(within(section).getByText('同じ協働相手：NPO・市民活動')).toBeTruthy(),
    )
    expect(within(section).getByText('共通タグ：防災・子育て')).toBeTruthy()
    expect(within(section).getAllByText('内容が似ている').length).toBeGreaterThan(0)
  })

  it('shows nothing when no case is related', async () => {
    answer({
      'cases.list': () => ({ cases: [], damaged: [] }),
      'library.info': () => ({ partnerTypes: [] }),
      'learn.related': () => ({ related: [] }),
    })
    const { container } = inJapanese(<RelatedCases caseId="alone" />)
    await new Promise((r) => setTimeout(r, 20))
    expect(container.textContent).toBe('')
  })
})

describe('GlossaryText', () => {
  it('wraps each glossary term in a focusable element described by its definition', async () => {
    inJapanese(<GlossaryText text="共催・実行委員会・協議会" />)
    const term = await screen.findByText('実行委員会', { selector: '.glossary-term', exact: false })
    expect(term.getAttribute('tabindex')).toBe('0')
    const tip = document.getElementById(term.getAttribute('aria-describedby')!)!
    expect(tip.getAttribute('role')).toBe('tooltip')
    expect(tip.textContent).toBe('じっこういいんかい関係団体でつくる組織')
    expect(document.querySelectorAll('.glossary-term')).toHaveLength(2)
    expect(document.body.textContent).toMatch(/^共催・実行委員会/)
  })

  it('is the plain text when no term occurs', async () => {
    inJapanese(
      <span data-testid="text">
        <GlossaryText text="補助" />
      </span>,
    )
    await new Promise((r) => setTimeout(r, 20))
    expect(screen.getByTestId('text').innerHTML).toBe('補助')
  })
})
