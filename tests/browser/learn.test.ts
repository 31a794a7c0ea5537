import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, callApi, startApp, type RunningApp } from './web-host-harness'

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

/** "15 件ヒット（3 ミリ秒）" → 15; null while the list is not a search result. */
async function hitCount(page: Page): Promise<number | null> {
  const text = (await page.locator('.list-count').textContent()) ?? ''
  const match = /^(\d+)\s*件ヒット/.exec(text.trim())
  return match ? Number(match[1]) : null
}

/** The number a chart's table gives for one row (the link in its last column). */
async function tableNumber(page: Page, chartTitle: string, row: string): Promise<number> {
  const figure = page.locator('figure.learn-chart').filter({ hasText: chartTitle })
  await figure.locator('summary').click()
  const cell = figure
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .getByRole('link')
    .last()
  return Number(await cell.textContent())
}

async function api<T>(app: RunningApp, method: string, ...args: unknown[]): Promise<T> {
  const envelope = await callApi<T>(app, method, args)
  expect(envelope.ok).toBe(true)
  return envelope.value
}

describe('learn screens in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('opens the search of a clicked bar, and its count matches the chart', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    const canvas = page.getByRole('img', { name: /^協働相手の種別ごとの事例数の棒グラフ/ })
    await expect.poll(() => canvas.isVisible()).toBe(true)
    // Let the short entry animation finish so the screenshot shows full bars.
    await page.waitForTimeout(600)
    await shot(page, 'learn-dashboard')

    // Six partner types, bars along y: click in the third row (民間企業). The x axis takes
    // ~30px at the bottom; a click anywhere in a row picks that row's bar.
    const box = (await canvas.boundingBox())!
    const rowHeight = (box.height - 35) / 6
    await canvas.click({ position: { x: box.width * 0.6, y: 5 + rowHeight * 2.5 } })
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#\/search\?q=type:private$/)
    await expect.poll(() => hitCount(page)).toBe(15)

    await page.goto(`${app.url}#/learn`)
    expect(await tableNumber(page, '協働相手の種別ごとの事例数', '民間企業')).toBe(15)
  })

  it('reaches the same search from the keyboard through the chart table and the matrix', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    const expected = await tableNumber(page, '協働の形態ごとの事例数', '共催')
    await page
      .locator('figure.learn-chart')
      .filter({ hasText: '協働の形態ごとの事例数' })
      .getByRole('link', { name: /^共催：/ })
      .press('Enter')
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/q=form:共催$/)
    await expect.poll(() => hitCount(page)).toBe(expected)

    await page.goto(`${app.url}#/learn`)
    const cell = page.getByRole('link', { name: /^NPO・市民活動 × 委託：\d+件/ })
    const n = Number(await cell.textContent())
    await cell.click()
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/q=type:npo form:委託$/)
    await expect.poll(() => hitCount(page)).toBe(n)
  })

  it('shows a partner-type guide with tips linked back to their cases', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    await page
      .getByRole('link', { name: /NPO・市民活動/ })
      .first()
      .click()
    await expect.poll(() => page.url()).toMatch(/#\/learn\/type\/npo$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('NPO・市民活動')
    await expect
      .poll(() => page.getByRole('heading', { name: '協働のコツ' }).isVisible())
      .toBe(true)
    expect(await page.locator('.tip-card').count()).toBeGreaterThan(4)

    // The introduction is edited with a live preview and kept in the library.
    await page.getByRole('button', { name: '紹介文を編集' }).click()
    await page
      .getByLabel('紹介文（Markdown）')
      .fill(
        'NPOは**テーマへの専門性と当事者とのつながり**が強みです。\n\n- 最初に目的と役割を文書にする\n- 行政の手続きの「なぜ」を説明する',
      )
    await expect
      .poll(() => page.locator('.guide-intro-preview strong').textContent())
      .toBe('テーマへの専門性と当事者とのつながり')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect
      .poll(() => page.getByRole('button', { name: '紹介文を編集' }).isVisible())
      .toBe(true)
    await page.reload()
    await expect
      .poll(() => page.locator('.guide-intro strong').textContent())
      .toBe('テーマへの専門性と当事者とのつながり')
    await shot(page, 'partner-guide')
    const source = page.locator('.tip-card a.tip-source').first()
    const href = await source.getAttribute('href')
    expect(href).toMatch(/^#\/case\/[a-z0-9-]+$/)
  })

  it('creates a reading path, follows it to the end and keeps the progress after a reload', async () => {
    const cases = await api<{ cases: { id: string; title: string }[] }>(app, 'cases.list')
    const [first, second, third] = cases.cases
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    await page.getByLabel('新しい学習パスの名前').fill('新人研修：はじめの3事例')
    await page.getByRole('button', { name: '作成' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/paths\/[a-z0-9-]+$/)

    // A new path opens in the editor: add three cases, reorder, annotate, save.
    for (const c of [first!, second!, third!]) {
      await page.getByLabel('事例名・タグ・担当課で絞り込む').fill(c.title)
      await page.getByRole('button', { name: `「${c.title}」を追加` }).click()
    }
    await page.getByRole('button', { name: `「${third!.title}」を上へ移動` }).click()
    await page.getByLabel(`「${first!.title}」のポイント`).fill('役割分担の決め方に注目')
    await page.getByRole('button', { name: '保存', exact: true }).click()

    const order = [first!, third!, second!]
    const heading = () => page.locator('#path-current-title').textContent()
    await expect.poll(heading).toBe(order[0]!.title)
    await expect.poll(() => page.getByText('役割分担の決め方に注目').isVisible()).toBe(true)
    await page.getByRole('button', { name: /次へ/ }).click()
    await expect.poll(heading).toBe(order[1]!.title)
    await page.getByRole('button', { name: /次へ/ }).click()
    await expect.poll(heading).toBe(order[2]!.title)
    await page.getByRole('button', { name: '読み終える' }).click()
    const status = page.locator('.path-progress-text')
    await expect.poll(() => status.textContent()).toBe('すべての事例を読み終えました')
    await shot(page, 'reading-path')

    await page.reload()
    await expect.poll(() => status.textContent()).toBe('すべての事例を読み終えました')
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3')

    // Progress lives on this machine only: the path file in the library has no trace of it.
    const id = /#\/paths\/([a-z0-9-]+)$/.exec(page.url())![1]!
    const saved = await api<Record<string, unknown>>(app, 'paths.get', id)
    expect(Object.keys(saved).sort()).toEqual(['id', 'missingCount', 'schema', 'steps', 'title'])
  })
})
