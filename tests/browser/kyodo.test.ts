import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseMeta } from '../../common/model'
import { isFullCollaboration, isNominal } from '../../common/learn/collaboration'
import { ARTIFACTS, callApi, startApp, type RunningApp } from './web-host-harness'

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
const listCount = (page: Page) => page.locator('.list-count').textContent()
const hits = async (page: Page) =>
  Number(/^(\d+)\s*件ヒット/.exec((await listCount(page)) ?? '')?.[1])

async function api<T>(app: RunningApp, method: string, ...args: unknown[]): Promise<T> {
  const envelope = await callApi<T>(app, method, args)
  expect(envelope.ok).toBe(true)
  return envelope.value
}

describe('協働の4要素 in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('fills the panel in the editor with the keyboard and shows the chart in the case view', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/new`)
    await page.getByLabel('事例名').fill('テスト：名義後援から始まった清掃イベント')
    // A new case starts with no partner type ticked (issue #14): choose one.
    await page.getByRole('checkbox', { name: /地域・自治会/ }).check()
    const panel = page.getByRole('region', { name: '協働の4要素' })
    const element = (name: string) => panel.getByRole('group', { name })

    // Keyboard only: focus a step, arrows move within the element.
    await element('ともに主体的に').getByRole('radio', { name: /^3/ }).focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect
      .poll(() => element('ともに主体的に').getByRole('radio', { name: /^1/ }).isChecked())
      .toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.type('最初の2年は名義後援だけで、自治会は企画に関わらなかった。')
    await element('課題に向き合う')
      .getByRole('radio', { name: /^4 おおむね協働/ })
      .check()
    await element('目標に共感する')
      .getByRole('radio', { name: /^2 一方が主導/ })
      .check()
    await panel.getByLabel('メモ（目標に共感する）').fill('市の目標を伝えただけだった。')
    await element('ともに取り組む')
      .getByRole('radio', { name: /^5 十分に協働/ })
      .check()
    await panel.getByLabel('全体のメモ').fill('3年目から実行委員会に切り替えた。')
    // Scroll only the form column (scrollIntoView would move the whole window too).
    await panel.evaluate((el) => {
      const column = el.closest('.editor-form')!
      column.scrollTop += el.getBoundingClientRect().top - column.getBoundingClientRect().top - 8
    })
    await shot(page, 'kyodo-editor-panel')

    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.url()).toMatch(/#\/case\/case-\d{8}-[a-z0-9]{5}\/edit$/)
    const id = /#\/case\/([^/]+)\/edit/.exec(page.url())![1]!
    const saved = await api<{ meta: CaseMeta }>(app, 'cases.get', id)
    expect(saved.meta.collaboration).toEqual({
      ownership: { score: 1, note: '最初の2年は名義後援だけで、自治会は企画に関わらなかった。' },
      problem: { score: 4 },
      goal: { score: 2, note: '市の目標を伝えただけだった。' },
      action: { score: 5 },
      note: '3年目から実行委員会に切り替えた。',
    })

    await page.goto(`${app.url}#/case/${id}`)
    const chart = page.getByRole('region', { name: '協働の4要素' })
    await expect.poll(() => chart.isVisible()).toBe(true)
    const items = chart.getByRole('listitem')
    expect(await items.count()).toBe(4)
    // The numbers are there as text for a screen reader, and visibly as score and step name.
    expect(await items.nth(0).textContent()).toContain('5段階中1（名ばかり）')
    expect(await items.nth(0).innerText()).toContain('1／5')
    expect(await items.nth(2).textContent()).toContain('5段階中2（一方が主導）')
    expect(await items.nth(2).textContent()).toContain('市の目標を伝えただけだった。')
    expect(await items.nth(3).textContent()).toContain('5段階中5（十分に協働）')
    expect(await chart.textContent()).toContain('3年目から実行委員会に切り替えた。')
    await shot(page, 'kyodo-case-chart')

    // The sample's cases carry their check too.
    await page.goto(`${app.url}#/case/hotaru-matsuri-jikkoiinkai`)
    await expect.poll(() => chart.textContent()).toContain('5段階中2（一方が主導）')
    await chart.screenshot({ path: join(ARTIFACTS, 'kyodo-case-chart-sample.png') })
  })

  it('filters the list by elem: in English and Japanese, and by all four at 4 or more', async () => {
    const { cases } = await api<{ cases: CaseMeta[] }>(app, 'cases.list')
    const full = cases.filter((c) => isFullCollaboration(c.collaboration)).length
    const lowOwnership = cases.filter((c) => (c.collaboration?.ownership?.score ?? 9) <= 2).length
    expect(full).toBeGreaterThan(0)
    expect(lowOwnership).toBeGreaterThan(0)

    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toMatch(/^\d+ 件$/)
    await page.locator('#search-box').fill('elem:all>=4')
    await expect.poll(() => hits(page)).toBe(full)
    await page.locator('#search-box').fill('要素:すべて>=4')
    await expect.poll(() => hits(page)).toBe(full)
    await page.locator('#search-box').fill('要素:主体性<=2')
    await expect.poll(() => hits(page)).toBe(lowOwnership)
    await expect
      .poll(() => page.locator('.case-list').textContent())
      .toContain('「かすみ川ほたる祭り」実行委員会')
    await shot(page, 'kyodo-filter')
  })

  it('「協働とは」 under 学ぶ names an example for each element, averages by type and the name-only lesson', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    await page.getByRole('link', { name: /協働とは/ }).click()
    await expect.poll(() => page.url()).toMatch(/#\/learn\/kyodo$/)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('協働とは')

    for (const name of ['ともに主体的に', '課題に向き合う', '目標に共感する', 'ともに取り組む']) {
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
      const example = card.locator('.kyodo-example')
      expect(await example.textContent()).toMatch(/いちばんの例（5／5）/)
      const link = example.getByRole('link')
      expect(await link.getAttribute('href')).toMatch(/^#\/case\/[a-z0-9-]+$/)
    }

    const table = page.getByRole('table', { name: '協働相手の種別ごとの平均' })
    expect(await table.getByRole('row').count()).toBeGreaterThan(3)
    expect(await table.textContent()).toContain('いちばん低い要素')

    // Three in the sample, plus any a test before this one wrote.
    const { cases } = await api<{ cases: CaseMeta[] }>(app, 'cases.list')
    const nominal = cases.filter((c) => isNominal(c.collaboration)).length
    expect(nominal).toBeGreaterThanOrEqual(3)
    const lesson = page.getByRole('region', { name: '名ばかり連携の教訓' })
    await expect.poll(() => lesson.locator('.tip-card').count()).toBe(nominal)
    expect(await lesson.textContent()).toContain('下請け')
    await shot(page, 'kyodo-page')
    // The page scrolls inside the main pane: one picture per part further down.
    const scrollTo = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const main = el.closest('main')!
        main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 8
      })
    await scrollTo('#kyodo-by-type')
    await shot(page, 'kyodo-page-averages')
    await scrollTo('#kyodo-nominal')
    await shot(page, 'kyodo-page-nominal')

    // The all-four search and the reading path are one click away.
    await page.getByRole('link', { name: '読書パス「協働の4要素で読む」' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/paths\/kyodo-4yoso$/)
  })
})
