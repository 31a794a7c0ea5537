import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const listCount = (page: Page) => page.locator('.list-count').textContent()
const facet = (page: Page, group: string, label: RegExp) =>
  page
    .getByRole('navigation', { name: '絞り込み' })
    .getByRole('region', { name: group })
    .getByRole('button', { name: label })
async function facetCount(page: Page, group: string, label: RegExp): Promise<number> {
  const text = (await facet(page, group, label).first().textContent()) ?? ''
  return Number(/(\d+)\s*$/.exec(text)?.[1])
}

describe('search in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('finds cases as you type, highlights matches, and facet counts follow the query', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toBe('27 件')
    const allNpo = await facetCount(page, '協働相手', /NPO・市民活動/)

    await page.keyboard.press('Control+k')
    await page.keyboard.type('子ども')
    await expect.poll(() => listCount(page)).toMatch(/^\d+ 件ヒット/)
    const hits = Number(/^(\d+)/.exec((await listCount(page)) ?? '')?.[1])
    expect(hits).toBeGreaterThan(0)
    expect(hits).toBeLessThan(27)
    await expect.poll(() => page.locator('.case-list mark').count()).toBeGreaterThan(0)
    // Facets now count only the matching cases.
    expect(await facetCount(page, '協働相手', /NPO・市民活動/)).toBeLessThanOrEqual(allNpo)
    await page.screenshot({ path: join(ARTIFACTS, 'search-results.png') })

    // Katakana, half-width and synonyms reach the same cases: 子供 is a synonym of 子ども.
    await page.locator('#search-box').fill('子供')
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await listCount(page)) ?? '')?.[1]))
      .toBe(hits)
  })

  it('filters by partner type and 年度 from the sidebar, saves the search and reopens it', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await page.locator('#search-box').fill('協働')
    await expect.poll(() => listCount(page)).toMatch(/件ヒット/)
    await facet(page, '協働相手', /NPO・市民活動/).click()
    const npoCount = await facetCount(page, '協働相手', /NPO・市民活動/)
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await listCount(page)) ?? '')?.[1]))
      .toBe(npoCount)
    const yearButton = page
      .getByRole('navigation', { name: '絞り込み' })
      .getByRole('region', { name: '年度' })
      .getByRole('button')
      .first()
    const yearCount = Number(/(\d+)\s*$/.exec((await yearButton.textContent()) ?? '')?.[1])
    await yearButton.click()
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await listCount(page)) ?? '')?.[1]))
      .toBe(yearCount)

    await page.getByRole('button', { name: 'この検索を保存' }).click()
    await page.getByLabel('検索の名前').fill('NPOとの協働（最新年度）')
    await page.getByRole('dialog').getByRole('button', { name: 'この検索を保存' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: '保存した検索' }).isVisible())
      .toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'search-saved.png') })

    // A fresh page: the saved search is in the sidebar and brings back the same result.
    const again = await app.newPage()
    await again.goto(app.url)
    await again
      .getByRole('region', { name: '保存した検索' })
      .getByRole('button', { name: 'NPOとの協働（最新年度）', exact: true })
      .click()
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await listCount(again)) ?? '')?.[1]))
      .toBe(yearCount)
    // The words go back to the box, the filters to chips (no raw type:npo in the box).
    expect(await again.locator('#search-box').inputValue()).toBe('協働')
    await expect
      .poll(() => again.getByRole('group', { name: '適用中の絞り込み' }).textContent())
      .toMatch(/協働相手：NPO・市民活動.*年度：\d{4}年度/)
  })

  it('highlights the search words in the opened case', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await page.locator('#search-box').fill('フードバンク')
    await expect.poll(() => listCount(page)).toMatch(/件ヒット/)
    await page.locator('.case-row').first().click()
    await expect.poll(() => page.locator('.markdown mark').count()).toBeGreaterThan(0)
  })
})
