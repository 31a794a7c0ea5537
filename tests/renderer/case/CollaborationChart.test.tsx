import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CollaborationCheck } from '../../../common/model'
import { CollaborationChart } from '../../../renderer/src/case/CollaborationChart'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'

afterEach(cleanup)

const CHECK: CollaborationCheck = {
  ownership: { score: 4, note: '自治会が自ら提案した' },
  goal: { score: 2, note: '目標は市が決めた' },
  action: { score: 5 },
  note: '2年目から変わった',
}
const renderChart = (check: CollaborationCheck | undefined, language: 'ja' | 'en' = 'ja') =>
  render(
    <I18nProvider initial={language}>
      <CollaborationChart check={check} />
    </I18nProvider>,
  )

describe('CollaborationChart', () => {
  it('shows nothing for a case nobody checked', () => {
    expect(renderChart(undefined).container.innerHTML).toBe('')
    cleanup()
    expect(renderChart({}).container.innerHTML).toBe('')
  })

  it('gives each element squares, the score as text, the step name and the note beside it', () => {
    renderChart(CHECK)
    const chart = screen.getByRole('region', { name: '協働の4要素' })
    const rows = within(chart).getAllByRole('listitem')
    expect(rows).toHaveLength(4)
    // Filled squares carry the score without colour; the number is text for everyone.
    expect(rows[0]!.querySelectorAll('.score-squares .on')).toHaveLength(4)
    expect(rows[0]!.textContent).toContain('4／5 おおむね協働')
    expect(rows[0]!.textContent).toContain('自治会が自ら提案した')
    expect(rows[1]!.textContent).toContain('未評価')
    expect(rows[2]!.querySelectorAll('.score-squares .on')).toHaveLength(2)
    expect(rows[2]!.textContent).toContain('目標は市が決めた')
    expect(chart.textContent).toContain('2年目から変わった')
  })

  it('hides the squares from screen readers and speaks the score instead', () => {
    renderChart(CHECK)
    const rows = screen.getAllByRole('listitem')
    expect(rows[0]!.querySelector('.score-squares')!.getAttribute('aria-hidden')).toBe('true')
    const spoken = within(rows[0]!).getByText('5段階中4（おおむね協働）')
    expect(spoken.classList.contains('visually-hidden')).toBe(true)
    expect(within(rows[3]!).getByText('5段階中5（十分に協働）')).toBeTruthy()
  })

  it('speaks English when the UI is in English', () => {
    renderChart(CHECK, 'en')
    expect(screen.getByRole('region', { name: 'Four elements of collaboration' })).toBeTruthy()
    expect(screen.getByText('4 of 5 (Mostly together)')).toBeTruthy()
  })
})
