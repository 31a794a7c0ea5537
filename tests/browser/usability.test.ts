import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, callApi, startApp, type RunningApp } from './web-host-harness'

const listCount = (page: Page) => page.locator('.list-count').textContent()
const countIn = async (page: Page) => Number(/^(\d+)/.exec((await listCount(page)) ?? '')?.[1])
const chips = (page: Page) => page.getByRole('group', { name: '適用中の絞り込み' })
const yearFacet = (page: Page, year: number) =>
  page
    .getByRole('navigation', { name: '絞り込み' })
    .getByRole('region', { name: '年度' })
    .getByRole('button', { name: new RegExp(`^${year}年度`) })
/**
 * How many cases the engine found for the next query `accept` takes, from its answer to the page.
 * Until that answer arrives the list may still show the previous query's hits, so a count read
 * from the screen alone can belong to another query.
 */
function engineCount(page: Page, accept: (query: string) => boolean): Promise<number> {
  const count = page
    .waitForResponse((r) => {
      if (!r.url().endsWith('/api/search.query')) return false
      const body = r.request().postDataJSON() as { args: [string] }
      return accept(body.args[0])
    })
    .then(async (response) => {
      const answer = (await response.json()) as { ok: boolean; value: { ids: string[] } }
      expect(answer.ok).toBe(true)
      return answer.value.ids.length
    })
  // Awaited by the test; when an earlier step fails first, its timeout is no second error.
  count.catch(() => undefined)
  return count
}
async function facetNumber(page: Page, year: number): Promise<number> {
  const text = (await yearFacet(page, year).textContent()) ?? ''
  return Number(/(\d+)\s*$/.exec(text)?.[1])
}

describe('staff and new hires: search box, chips, keyboard, back end gone', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('令和5年度 in the search box filters to 年度 2023', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toBe('27 件')
    const of2023 = await facetNumber(page, 2023)
    expect(of2023).toBeGreaterThan(0)
    await page.locator('#search-box').fill('令和5年度')
    await expect.poll(() => listCount(page)).toMatch(/件ヒット/)
    await expect.poll(() => countIn(page)).toBe(of2023)
    const years = await page.locator('.case-row .meta-item').allTextContents()
    expect(years.filter((y) => /年度$/.test(y)).every((y) => y === '2023年度')).toBe(true)
  })

  it('chips replace raw filter text: a chart link, Enter on type:大学, and removing a chip', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/search?q=${encodeURIComponent('type:npo year:2023')}`)
    await expect.poll(() => chips(page).textContent()).toMatch(/協働相手：NPO・市民活動/)
    expect(await chips(page).textContent()).toMatch(/年度：2023年度（令和5年度）/)
    expect(await page.locator('#search-box').inputValue()).toBe('')
    await expect.poll(() => listCount(page)).toMatch(/件ヒット/)
    await page.screenshot({ path: join(ARTIFACTS, 'usability-chips.png') })

    await page.getByRole('button', { name: /絞り込み「年度：2023年度/ }).click()
    await expect.poll(() => chips(page).textContent()).not.toMatch(/年度：/)
    await page.getByRole('button', { name: /絞り込み「協働相手：NPO・市民活動」を外す/ }).click()
    await expect.poll(() => chips(page).count()).toBe(0)
    await expect.poll(() => listCount(page)).toBe('27 件')

    // Typed with the Japanese label and Enter: the same filter, as a chip.
    const typedAnswer = engineCount(page, (q) => q === 'type:大学')
    await page.locator('#search-box').fill('type:大学')
    const typed = await typedAnswer
    expect(typed).toBeGreaterThan(0)
    await expect.poll(() => countIn(page)).toBe(typed)
    // The chip's query names the type by its key (library.json), no longer by the typed label.
    const chipAnswer = engineCount(page, (q) => q === 'type:academia')
    await page.locator('#search-box').press('Enter')
    await expect.poll(() => chips(page).textContent()).toMatch(/協働相手：大学・学生/)
    expect(await page.locator('#search-box').inputValue()).toBe('')
    expect(await chipAnswer).toBe(typed)
    await expect.poll(() => countIn(page)).toBe(typed)
  })

  it('the 年度 facet takes several years at once (OR)', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toBe('27 件')
    const a = await facetNumber(page, 2022)
    const b = await facetNumber(page, 2023)
    // The second 年度 is added once the engine has answered for the first, as a person would: the
    // 年度 buttons must still be there then (before it answers, the list counts locally).
    const first = engineCount(page, (q) => q === 'year:2022')
    await yearFacet(page, 2022).click()
    expect(await first).toBe(a)
    await expect.poll(() => countIn(page)).toBe(a)
    const both = engineCount(page, (q) => q === 'year:2022 OR year:2023')
    await yearFacet(page, 2023).click()
    expect(await both).toBe(a + b)
    await expect.poll(() => countIn(page)).toBe(a + b)
    expect(await chips(page).textContent()).toMatch(/2022年度.*2023年度/)
  })

  it('reaches the first case within 5 key presses from the top, then arrows move in the list', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toBe('27 件')
    const firstTitle = await page
      .locator('.case-row')
      .first()
      .locator('.case-row-title')
      .textContent()
    let presses = 0
    const onCaseRow = () =>
      page.evaluate(() => document.activeElement?.classList.contains('case-row') ?? false)
    while (presses < 5 && !(await onCaseRow())) {
      const onSkipList = await page.evaluate(
        () => document.activeElement?.textContent === '事例一覧へ移動',
      )
      await page.keyboard.press(onSkipList ? 'Enter' : 'Tab')
      presses++
    }
    expect(await onCaseRow()).toBe(true)
    expect(presses).toBeLessThanOrEqual(5)
    expect(
      await page.evaluate(
        () => document.activeElement?.querySelector('.case-row-title')?.textContent,
      ),
    ).toBe(firstTitle)
    // The ring is drawn inside the row, so the scrolling list cannot clip it.
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return {
        width: style.outlineWidth,
        offset: style.outlineOffset,
        styleName: style.outlineStyle,
      }
    })
    expect(outline).toEqual({ width: '3px', offset: '-3px', styleName: 'solid' })
    await page.screenshot({ path: join(ARTIFACTS, 'usability-focus.png') })

    await page.keyboard.press('ArrowDown')
    const second = await page.locator('.case-row').nth(1).locator('.case-row-title').textContent()
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.querySelector('.case-row-title')?.textContent),
      )
      .toBe(second)
    // One Tab stop: only the current row is in the Tab order.
    expect(await page.locator('.case-row[tabindex="0"]').count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/case\//)
  })

  it('suggests the nearest library word when a search finds nothing', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await page.locator('#search-box').fill('子ども食道')
    const suggestion = page.locator('.search-suggestion')
    await expect
      .poll(() => suggestion.textContent(), { timeout: 15_000 })
      .toBe('もしかして：子ども食堂')
    await page.screenshot({ path: join(ARTIFACTS, 'usability-suggestion.png') })
    await suggestion.getByRole('button').click()
    expect(await page.locator('#search-box').inputValue()).toBe('子ども食堂')
    await expect.poll(() => countIn(page)).toBeGreaterThan(0)
  })

  it('draws the 年度 chart counting each case once', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    const figure = page.locator('figure.learn-chart', { hasText: '年度ごとの事例数' })
    await figure.scrollIntoViewIfNeeded()
    await page.waitForTimeout(600)
    await figure.screenshot({ path: join(ARTIFACTS, 'usability-year-chart.png') })
    await figure.locator('summary').click()
    const rows = figure.locator('tbody tr')
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map(Number)
      const total = cells.pop()!
      expect(cells.reduce((a, b) => a + b, 0)).toBe(total)
    }
  })

  it('keeps an edit that cannot be saved: visible error, retry, local draft after a reload', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await page.locator('.case-row').first().click()
    const caseHash = await page.evaluate(() => location.hash)
    await page.goto(`${app.url}${caseHash}/edit`)
    const title = page.getByLabel('事例名')
    await expect.poll(() => title.inputValue()).not.toBe('')
    await title.fill('下書きとして残るタイトル')
    // The back end is gone: every save request fails as fetch does when the host is down.
    await page.route('**/api/cases.save', (route) => route.abort('connectionrefused'))
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 20_000 })
      .toMatch(/接続できません.*下書き/)
    expect(await page.getByRole('button', { name: '保存', exact: true }).isEnabled()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'usability-save-failed.png') })

    await page.reload()
    await page.getByRole('button', { name: '下書きを戻す' }).click()
    expect(await page.getByLabel('事例名').inputValue()).toBe('下書きとして残るタイトル')
    await page.unroute('**/api/cases.save')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('保存しました')
    await page.reload()
    await expect.poll(() => page.getByLabel('事例名').inputValue()).toBe('下書きとして残るタイトル')
    expect(await page.getByRole('button', { name: '下書きを戻す' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: '閉じる' }).count()).toBe(1)
  })

  it('a restored draft whose case moved on meanwhile meets the conflict dialog, never overwrites', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await page.locator('.case-row').nth(2).click()
    const id = (await page.evaluate(() => location.hash)).replace('#/case/', '')
    await page.goto(`${app.url}#/case/${id}/edit`)
    const title = page.getByLabel('事例名')
    await expect.poll(() => title.inputValue()).not.toBe('')
    await title.fill('古い版に基づく下書き')
    await page.route('**/api/cases.save', (route) => route.abort('connectionrefused'))
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/下書き/)
    await page.unroute('**/api/cases.save')

    // Someone else saves the case in the meantime.
    const call = (method: string, args: unknown[]) =>
      callApi<{ meta: Record<string, unknown>; body: string }>(app, method, args)
    const doc = (await call('cases.get', [id])).value
    const revision = doc.meta.revision
    // What the server owns (id, schema, timestamps, revision) is not part of a save's input.
    const meta = Object.fromEntries(
      Object.entries(doc.meta).filter(
        ([key]) => !['schema', 'id', 'createdAt', 'updatedAt', 'revision'].includes(key),
      ),
    )
    expect(
      (
        await call('cases.save', [
          {
            id,
            meta: { ...meta, summary: '別の人の更新' },
            body: doc.body,
            baseRevision: revision,
          },
        ])
      ).ok,
    ).toBe(true)

    await page.reload()
    await page.getByRole('button', { name: '下書きを戻す' }).click()
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1)
    const stored = (await call('cases.get', [id])).value
    expect(stored.meta.summary).toBe('別の人の更新')
  })

  it('a new case starts with no partner type, and an unknown page says it does not exist', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/new`)
    await expect.poll(() => page.getByLabel('事例名').count()).toBe(1)
    expect(await page.locator('.meta-form fieldset input[type=checkbox]:checked').count()).toBe(0)
    await page.goto(`${app.url}#/no-such-page`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'このページはありません' }).count())
      .toBe(1)
  })
})
