import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

describe('shared drive and import in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('shows a case that was edited on disk behind the app without a reload', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/kagura-keisho`)
    const heading = page.getByRole('heading', { level: 1 })
    await expect.poll(() => heading.textContent()).toContain('神楽')
    await app.watching
    // Another person (or an external editor) changes the title on the shared drive.
    const file = join(app.libraryDir, 'cases', 'kagura-keisho', 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8')) as { title: string; revision: number }
    await writeFile(
      file,
      JSON.stringify(
        { ...meta, title: '外部で変更した事例名', revision: meta.revision + 1 },
        null,
        2,
      ),
    )
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('外部で変更した事例名')
    // The list and the search index follow as well.
    await page.locator('#search-box').fill('外部で変更')
    await expect
      .poll(() => page.locator('.list-count').textContent(), { timeout: 10_000 })
      .toMatch(/^1 件ヒット/)
  })

  it('imports Markdown notes with progress and a summary, reporting the bad file', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/exchange`)
    const note = (title: string, extra = '') =>
      Buffer.from(
        `---\ntitle: ${title}\ntags: [防災, 取り込み]\n${extra}---\n\n## 背景・課題\n\n${title}の本文。\n`,
      )
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([
        {
          name: '防災倉庫の共同管理.md',
          mimeType: 'text/markdown',
          buffer: note('防災倉庫の共同管理'),
        },
        {
          name: '学生と歩く通学路点検.md',
          mimeType: 'text/markdown',
          buffer: note('学生と歩く通学路点検', 'department: 教育総務課\n'),
        },
        {
          name: '壊れたメモ.md',
          mimeType: 'text/markdown',
          buffer: Buffer.from('---\ntitle: [壊れた\n---\n本文'),
        },
      ])
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '件の事例が見つかりました' }).count())
      .toBe(1)
    // Watch for the progress line while the import runs.
    await page.evaluate(() => {
      const seen = ((window as unknown as { __progressSeen: boolean }).__progressSeen = false)
      void seen
      new MutationObserver(() => {
        if (document.body.textContent?.includes('取り込んでいます')) {
          ;(window as unknown as { __progressSeen: boolean }).__progressSeen = true
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.getByRole('button', { name: /件を取り込む/ }).click()
    await expect
      .poll(() => page.getByText(/取り込み 2 件/).isVisible(), { timeout: 20_000 })
      .toBe(true)
    expect(
      await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen),
    ).toBe(true)
    await expect.poll(() => page.getByText('壊れたメモ.md').first().isVisible()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'import-summary.png') })
    await page.getByRole('link', { name: '防災倉庫の共同管理' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('防災倉庫の共同管理')
  })
})
