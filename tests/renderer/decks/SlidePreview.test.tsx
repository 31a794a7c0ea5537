import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Slide } from '../../../common/decks/slide-types'
import { SlidePreview } from '../../../renderer/src/decks/SlidePreview'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'

vi.mock('../../../renderer/src/api', () => ({
  api: { attachmentUrl: (caseId: string, name: string) => `/attachments/${caseId}/${name}` },
}))
afterEach(cleanup)

function show(slide: Slide) {
  render(
    <I18nProvider initial="ja">
      <SlidePreview slide={slide} number={2} />
    </I18nProvider>,
  )
  return screen.getByRole('region', { name: 'スライド 2' })
}

describe('SlidePreview', () => {
  it('lets a title wrap only between phrases (<wbr> at BudouX boundaries, keep-all elsewhere)', () => {
    const slide = show({ kind: 'title', title: '学生との協働 ― 5つの事例に学ぶ' })
    const heading = within(slide).getByRole('heading')
    expect(heading.textContent).toBe('学生との協働 ― 5つの事例に学ぶ')
    // 「協働」 stays whole: no break opportunity inside it
    const parts = heading.innerHTML.split('<wbr>')
    expect(parts.length).toBeGreaterThan(2)
    expect(parts.some((p) => p.endsWith('協'))).toBe(false)
  })

  it('draws the agenda with each case’s partner types and 年度', () => {
    const slide = show({
      kind: 'agenda',
      title: '本日の事例',
      part: 1,
      parts: 1,
      entries: [
        {
          number: 1,
          title: '商店街の空き店舗を再生',
          partners: '大学・学生、民間企業',
          yearLabel: '2017年度（平成29年度）',
        },
      ],
    })
    expect(within(slide).getByText('本日の事例')).toBeTruthy()
    expect(slide.textContent).toContain('1. 商店街の空き店舗を再生')
    expect(slide.textContent).toContain('大学・学生、民間企業　2017年度（平成29年度）')
  })

  it('draws the divider’s summary points and the 協働の4要素 scores as a table', () => {
    const divider = show({
      kind: 'case-overview',
      itemIndex: 0,
      caseId: 'c',
      caseTitle: '河川清掃',
      chips: [{ key: 'community', label: '地域・自治会', color: '#2f7d4f' }],
      yearLabel: '2017年度（平成29年度）',
      department: '環境課',
      points: ['住民と企業が川を守る', '市は用具を貸す'],
    })
    expect(divider.querySelectorAll('.slide-summary .slide-bullet')).toHaveLength(2)
    expect(within(divider).getByText('環境課')).toBeTruthy()
    cleanup()
    const scores = show({
      kind: 'collaboration',
      itemIndex: 0,
      caseId: 'c',
      caseTitle: '河川清掃',
      section: 'collaboration',
      heading: '協働の4要素',
      part: 1,
      parts: 1,
      rows: [
        { label: 'ともに主体的に', score: 5 },
        { label: '目標に共感する', score: 3 },
      ],
      blocks: [{ type: 'bullet', runs: [{ text: '住民が清掃日を決めた' }], level: 0 }],
    })
    const table = within(scores).getByRole('table')
    expect(within(table).getByRole('rowheader', { name: 'ともに主体的に' })).toBeTruthy()
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['●●●●● 5 / 5', '●●●○○ 3 / 5'])
    expect(scores.textContent).toContain('住民が清掃日を決めた')
  })

  it('draws the closing slide’s take-aways and byline', () => {
    const slide = show({
      kind: 'closing',
      title: 'まとめ：明日から使える協働のコツ',
      blocks: [{ type: 'bullet', runs: [{ text: 'テーマを市が決めない' }], level: 0 }],
      byline: '市民協働課　2026年4月',
    })
    expect(slide.querySelector('.slide-text.points .slide-bullet')?.textContent).toBe(
      'テーマを市が決めない',
    )
    expect(slide.textContent).toContain('市民協働課　2026年4月')
  })
})
