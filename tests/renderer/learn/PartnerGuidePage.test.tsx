import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryInfo, PartnerGuide } from '../../../common/model'
import { InApp } from '../in-app'
import { PartnerGuidePage } from '../../../renderer/src/learn/PartnerGuidePage'
import { PARTNER_TYPES } from '../fixtures'
import { answer, callsOf } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(() => () => {}), attachmentUrl: vi.fn(() => '') },
}))

const INFO: LibraryInfo = {
  name: 'x',
  path: '/lib',
  format: 'kyodo-kb/1',
  caseCount: 2,
  partnerTypes: PARTNER_TYPES,
}

const GUIDE: PartnerGuide = {
  key: 'npo',
  partnerType: PARTNER_TYPES[1],
  intro: 'NPOは**専門性**が強み。<img src=x onerror=alert(1)>',
  cases: [{ id: 'kodomo', title: '子ども食堂', fiscalYear: 2019 }],
  topForms: [{ form: '委託', count: 3 }],
  topTags: [{ tag: '子育て', count: 2 }],
  themes: [
    {
      phrase: '役割',
      cases: [
        { caseId: 'bousai', title: '防災訓練', sentence: '最初に役割を決める' },
        { caseId: 'salon', title: 'まちなかサロン', sentence: '役割を文書にする' },
      ],
    },
  ],
  tips: [
    {
      caseId: 'kodomo',
      title: '子ども食堂',
      section: '協働のコツ',
      markdown: '- 最初に役割を決める',
      items: ['最初に役割を決める'],
    },
    {
      caseId: 'kodomo',
      title: '子ども食堂',
      section: '苦労と教訓',
      markdown: '- 会計で揉めた',
      items: ['会計で揉めた'],
    },
  ],
}

beforeEach(() => {
  let guide = GUIDE
  answer({
    'learn.guide': () => guide,
    'learn.setGuideIntro': (key, intro) => {
      // The library keeps the saved introduction: the next learn.guide answers with it.
      guide = { ...guide, intro }
      return { key }
    },
    'glossary.get': () => ({ entries: [] }),
  })
})
afterEach(cleanup)

function renderGuide() {
  render(
    <InApp>
      <PartnerGuidePage typeKey="npo" info={INFO} />
    </InApp>,
  )
}

describe('PartnerGuidePage', () => {
  it('shows the type, its cases, top forms and tags as searches, and the tips linked to their case', async () => {
    renderGuide()
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('NPO・市民活動')
    expect(screen.getByRole('link', { name: '子ども食堂' }).getAttribute('href')).toBe(
      '#/case/kodomo',
    )
    const form = screen.getByRole('link', { name: '委託（3件）の事例を検索' })
    expect(decodeURIComponent(form.getAttribute('href')!)).toBe('#/search?q=type:npo form:委託')
    const tag = screen.getByRole('link', { name: '子育て（2件）の事例を検索' })
    expect(decodeURIComponent(tag.getAttribute('href')!)).toBe('#/search?q=type:npo tag:子育て')
    const tips = screen.getByRole('region', { name: '協働のコツ' })
    expect(within(tips).getByText('最初に役割を決める')).toBeTruthy()
    expect(within(tips).getByRole('link', { name: '出典：子ども食堂' }).getAttribute('href')).toBe(
      '#/case/kodomo',
    )
    const lessons = screen.getByRole('region', { name: '苦労と教訓' })
    expect(within(lessons).getByText('会計で揉めた')).toBeTruthy()
  })

  it('shows the common themes with the cases and sentences behind each', async () => {
    renderGuide()
    const themes = await screen.findByRole('region', { name: '事例に共通するテーマ' })
    expect(within(themes).getByText('役割')).toBeTruthy()
    expect(within(themes).getByText('2 件の事例')).toBeTruthy()
    expect(within(themes).getByText('役割を文書にする')).toBeTruthy()
    expect(within(themes).getByRole('link', { name: 'まちなかサロン' }).getAttribute('href')).toBe(
      '#/case/salon',
    )
  })

  it('renders the introduction through the sanitising Markdown view', async () => {
    renderGuide()
    const intro = await screen.findByRole('region', { name: 'この相手との協働について' })
    expect(intro.querySelector('strong')?.textContent).toBe('専門性')
    expect(intro.querySelector('img[onerror]')).toBeNull()
  })

  it('edits the introduction with a preview and saves it', async () => {
    renderGuide()
    fireEvent.click(await screen.findByRole('button', { name: '紹介文を編集' }))
    fireEvent.change(screen.getByLabelText('紹介文（Markdown）'), {
      target: { value: '## 強み\n地域に根ざす' },
    })
    expect(screen.getByRole('heading', { name: '強み' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() =>
      expect(callsOf('learn.setGuideIntro')).toEqual([['npo', '## 強み\n地域に根ざす']]),
    )
    expect(await screen.findByRole('button', { name: '紹介文を編集' })).toBeTruthy()
    expect(await screen.findByText('地域に根ざす')).toBeTruthy()
  })
})
