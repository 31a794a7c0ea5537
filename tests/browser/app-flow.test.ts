import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

/** The number in the sidebar button of a partner type, e.g. "NPO・市民活動 12" → 12. */
async function facetCount(page: Page, label: string): Promise<number> {
  const text = await page
    .getByRole('navigation', { name: '絞り込み' })
    .getByRole('button', { name: new RegExp(label) })
    .first()
    .textContent()
  return Number(/(\d+)\s*$/.exec(text ?? '')?.[1])
}

async function listCount(page: Page): Promise<string | null> {
  return page.locator('.list-count').textContent()
}

describe('browse, write, delete and restore cases in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('creates a case with metadata and body, edits it, and keeps it across a reload', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    await expect.poll(() => listCount(page)).toBe('27 件')
    await shot(page, 'list')
    const npoBefore = await facetCount(page, 'NPO・市民活動')

    await page.getByRole('link', { name: /新しい事例/ }).click()
    await page.getByLabel('事例名').fill('テスト：商店街と学生の防災マップづくり')
    await page
      .getByLabel('概要（280字まで）')
      .fill('学生と商店会が一緒に歩いて、避難経路の地図を作った。')
    // A new case starts with no partner type ticked (issue #14).
    expect(await page.getByRole('checkbox', { name: /地域・自治会/ }).isChecked()).toBe(false)
    await page.getByRole('checkbox', { name: /NPO・市民活動/ }).check()
    await page.getByRole('checkbox', { name: '共催' }).check()
    await page.getByLabel('担当課').fill('危機管理課')
    await page.getByLabel('開始（YYYY-MM）').fill('2024-03')
    await page.getByLabel('タグ（読点・カンマ区切り）').fill('防災、学生')
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\n地図は紙で配布した。')
    await shot(page, 'editor')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.url()).toMatch(/#\/case\/case-\d{8}-[a-z0-9]{5}\/edit$/)
    const id = /#\/case\/([^/]+)\/edit/.exec(page.url())![1]!

    // Saved: the way out says 閉じる (キャンセル only while there are unsaved changes).
    await page.getByRole('link', { name: '閉じる' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('テスト：商店街と学生の防災マップづくり')
    await expect.poll(() => listCount(page)).toBe('28 件')
    expect(await facetCount(page, 'NPO・市民活動')).toBe(npoBefore + 1)
    // 2024-03 belongs to 年度 2023 (April starts the year).
    await expect.poll(() => page.getByText('2023年度（令和5年度）').first().isVisible()).toBe(true)

    await page.getByRole('link', { name: '編集' }).click()
    await page.getByLabel('担当課').fill('危機管理課 防災係')
    // The reload below must come after this save's answer, not after any status that reads 保存しました.
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/cases.save'))
    await page.keyboard.press('Control+s')
    expect(await (await answered).json()).toMatchObject({ ok: true })
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '保存しました' }).count())
      .toBe(1)
    await page.reload()
    await page.goto(`${app.url}#/case/${id}`)
    await expect.poll(() => page.getByText('危機管理課 防災係').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByText('地図は紙で配布した。').isVisible()).toBe(true)
    await shot(page, 'case-view')

    const onDisk = JSON.parse(
      await readFile(join(app.libraryDir, 'cases', id, 'case.json'), 'utf8'),
    ) as { revision: number; fiscalYear: number }
    expect(onDisk.revision).toBe(2)
    expect(onDisk.fiscalYear).toBe(2023)
  })

  it('shows validation messages next to the fields instead of saving bad input', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/new`)
    await page.getByLabel('開始（YYYY-MM）').fill('2024-13')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByText('入力してください').first().isVisible()).toBe(true)
    // The message says what is wrong with the date, not only that it is wrong.
    await expect.poll(() => page.getByText('月は 1〜12 で入力してください').isVisible()).toBe(true)
    expect(await page.getByLabel('事例名').getAttribute('aria-invalid')).toBe('true')
  })

  it('deletes a case to the trash, and restores it from the trash', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/kodomo-shokudo-network`)
    await page.getByRole('button', { name: '削除' }).click()
    await expect.poll(() => page.getByText(/ごみ箱に移しました/).isVisible()).toBe(true)
    await expect.poll(() => listCount(page)).toBe('27 件')
    await page.getByRole('link', { name: 'ごみ箱' }).click()
    await expect
      .poll(() =>
        page
          .locator('.trash-list')
          .getByText('子ども食堂ネットワークの立ち上げと運営支援', { exact: true })
          .isVisible(),
      )
      .toBe(true)
    await shot(page, 'trash')
    await page.getByRole('button', { name: '元に戻す' }).first().click()
    await expect.poll(() => page.getByText(/を元に戻しました/).isVisible()).toBe(true)
    await page.goto(`${app.url}#/case/kodomo-shokudo-network`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('子ども食堂ネットワークの立ち上げと運営支援')
  })

  it('shows both versions when a second page saved first, and loses neither', async () => {
    const first = await app.newPage()
    const second = await app.newPage()
    await first.goto(`${app.url}#/case/gakushu-shien-gakusei/edit`)
    await second.goto(`${app.url}#/case/gakushu-shien-gakusei/edit`)
    // Both editors hold the same version before the first saves: a second editor that loaded only
    // after that save would be based on the new version and save without a conflict.
    await expect.poll(() => first.getByLabel('事例名').inputValue()).not.toBe('')
    await expect.poll(() => second.getByLabel('事例名').inputValue()).not.toBe('')
    await first.getByLabel('担当課').fill('教育委員会（一人目の編集）')
    const firstSaved = first.waitForResponse((r) => r.url().endsWith('/api/cases.save'))
    await first.getByRole('button', { name: '保存', exact: true }).click()
    expect(await (await firstSaved).json()).toMatchObject({ ok: true })
    await expect
      .poll(() => first.getByRole('status').filter({ hasText: '保存しました' }).count())
      .toBe(1)

    await second.getByLabel('事例名').fill('二人目が付けた新しい事例名')
    const secondSaved = second.waitForResponse((r) => r.url().endsWith('/api/cases.save'))
    await second.getByRole('button', { name: '保存', exact: true }).click()
    expect(await (await secondSaved).json()).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    const dialog = second.getByRole('dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect.poll(() => dialog.getByText('二人目が付けた新しい事例名').isVisible()).toBe(true)
    await shot(second, 'conflict')

    await dialog.getByRole('button', { name: '自分の編集を別の事例として保存' }).click()
    await expect.poll(() => second.url()).toMatch(/#\/case\/case-/)
    await expect
      .poll(() => second.getByRole('heading', { level: 1 }).textContent())
      .toBe('二人目が付けた新しい事例名（コピー）')
    const original = JSON.parse(
      await readFile(join(app.libraryDir, 'cases', 'gakushu-shien-gakusei', 'case.json'), 'utf8'),
    ) as { department: string }
    expect(original.department).toBe('教育委員会（一人目の編集）')
  })

  it('switches the UI to English from the settings and remembers it', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/settings`)
    await page.getByRole('radio', { name: 'English' }).check()
    await expect.poll(() => page.getByRole('heading', { name: 'Settings' }).isVisible()).toBe(true)
    await page.reload()
    await expect.poll(() => page.getByRole('link', { name: 'Trash' }).isVisible()).toBe(true)
    await page.goto(`${app.url}#/`)
    await expect.poll(() => listCount(page)).toMatch(/cases$/)
    await shot(page, 'list-english')
  })

  it('says what is wrong when a library folder cannot be opened', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/settings`)
    // Settings is shown while the library still loads; wait for the loaded page, which names the
    // current library, so the alert read below is the one the open attempt causes.
    await page.getByText('開いているライブラリ').waitFor()
    await page
      .getByLabel('ライブラリのフォルダ（共有ドライブのパスも可）')
      .fill('/no/such/folder/anywhere')
    await page.getByRole('button', { name: '開く' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('フォルダが見つかりません')
  })
})
