import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

describe('learning from patterns in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('shows the themes common to a partner type’s cases, each with its cases', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn/type/npo`)
    const themes = page.getByRole('region', { name: '事例に共通するテーマ' })
    await expect.poll(() => themes.locator('.theme-item').count()).toBeGreaterThan(2)
    // Every partner type's guide opens with the sample library's introduction.
    await expect
      .poll(() => page.getByRole('region', { name: 'この相手との協働について' }).textContent())
      .toMatch(/NPO法人・市民活動団体と組む協働です/)
    const first = themes.locator('.theme-item').first()
    await first.locator('summary').click()
    const cases = first.locator('.theme-cases li')
    expect(await cases.count()).toBeGreaterThanOrEqual(2)
    const phrase = (await first.locator('.theme-phrase').textContent())!
    expect(await cases.first().locator('q').textContent()).toContain(phrase)
    expect(await cases.first().locator('a').getAttribute('href')).toMatch(/^#\/case\//)
    await themes.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(ARTIFACTS, 'guide-themes.png') })
  })

  it('reads a sample reading path inside the reader: the case body, 次へ, progress', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/learn`)
    await page
      .getByRole('link', { name: /学生との協働/ })
      .first()
      .click()
    await expect.poll(() => page.url()).toMatch(/#\/paths\/gakusei-to-kyodo$/)
    const body = page.getByRole('region', { name: 'この事例の本文' })
    await expect.poll(() => body.locator('h2').allTextContents()).toContain('協働のコツ')
    const title = () => page.locator('#path-current-title').textContent()
    const firstTitle = await title()
    await page.getByRole('button', { name: /次へ/ }).click()
    await expect.poll(title).not.toBe(firstTitle)
    await expect.poll(() => page.locator('.path-progress-text').textContent()).toBe('1 / 6 件 読了')
    expect(page.url()).toMatch(/#\/paths\/gakusei-to-kyodo$/)
    await page.screenshot({ path: join(ARTIFACTS, 'path-reader-case.png') })
    // The other new path is there too.
    await page.goto(`${app.url}#/paths/hajimete-chiiki-npo`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('はじめての協働：地域と NPO')
  })

  it('explains glossary terms in case text: once per section, on focus', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/kagura-keisho`)
    const terms = page.locator('.case-body .markdown .glossary-term')
    await expect.poll(() => terms.count()).toBeGreaterThan(0)
    const first = terms.first()
    await first.focus()
    const tip = () => first.evaluate((el) => getComputedStyle(el, '::after').content)
    const tipShown = () => first.evaluate((el) => getComputedStyle(el, '::after').display)
    const definition = (await first.getAttribute('data-tip'))!.split('\n').pop()!
    expect(definition.length).toBeGreaterThan(5)
    expect(await tip()).toContain(definition)
    expect(await tipShown()).toBe('block')
    // The definition is not part of the paragraph's text, and screen readers get it as a description.
    const paragraph = first.locator('xpath=ancestor::p[1]')
    expect(await paragraph.textContent()).not.toContain(definition)
    const described = await first.getAttribute('aria-describedby')
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain(definition)
    await page.screenshot({ path: join(ARTIFACTS, 'case-glossary-tooltip.png') })
    await page.keyboard.press('Escape')
    expect(await tipShown()).toBe('none')
  })
})
