import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const CASE = 'akiya-taisaku-kyotei'

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `sync-${name}.png`), fullPage: false })
}

/** Edits the title of a case in the editor and waits for the save. */
async function editTitle(page: Page, url: string, title: string) {
  await page.goto(`${url}#/case/${CASE}/edit`)
  // The editor loads the case first; typing before that would be overwritten.
  await expect.poll(() => page.getByLabel('事例名').inputValue()).not.toBe('')
  await page.getByLabel('事例名').fill(title)
  // The answer to this click's save: a status saying 保存しました may still be an earlier toast
  // (同期の設定を保存しました), and a sync started before the save lands would send the old title.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/cases.save'))
  await page.getByRole('button', { name: '保存', exact: true }).click()
  const saved = (await (await answered).json()) as { ok: boolean }
  if (!saved.ok) await shot(page, 'save-failed')
  expect(saved).toMatchObject({ ok: true })
}

async function syncNow(page: Page) {
  // The answer to this click's sync.run, not an earlier toast that is still showing.
  const answered = page.waitForResponse((r) => r.url().includes('/api/sync.run'), {
    timeout: 60_000,
  })
  await page.getByTestId('sync-status').getByRole('button').click()
  const response = await answered
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true)
}

describe('sync between two web hosts through a Git server', () => {
  let serverRoot: string
  let server: GitHttpServer
  let office: RunningApp
  let branch: RunningApp
  beforeAll(async () => {
    serverRoot = await mkdtemp(join(tmpdir(), 'kb-sync-browser-'))
    server = await startGitHttpServer(serverRoot)
    office = await startApp()
    branch = await startApp()
  })
  afterAll(async () => {
    await office?.stop()
    await branch?.stop()
    await server?.stop()
    await rm(serverRoot, { recursive: true, force: true })
  })

  it('connects in settings, opens the library from the server elsewhere, syncs an edit and resolves a conflict', async () => {
    const a = await office.newPage()
    await a.goto(`${office.url}#/settings`)
    const settings = a.getByRole('region', { name: '同期' })
    await settings.getByLabel('リモートの URL（http:// または https://）').fill(server.url)
    await settings.getByLabel('ユーザー名').fill(server.user)
    await settings.getByLabel('トークン').fill(server.token)
    await settings.getByRole('button', { name: '接続テスト' }).click()
    await expect.poll(() => a.getByText('接続できました').count()).toBeGreaterThan(0)
    await settings.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => a.getByText('同期の設定を保存しました').count()).toBeGreaterThan(0)
    await a
      .getByRole('region', { name: '同期' })
      .getByRole('button', { name: '今すぐ同期' })
      .click()
    await expect
      .poll(() => a.getByText(/同期しました：送信 \d+ 件/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await shot(a, 'settings')

    // The branch office opens the same library from the server into a new local folder.
    const b = await branch.newPage()
    await b.goto(`${branch.url}#/settings`)
    // Settings is shown once while the library loads and again when it is ready.
    await b.getByRole('region', { name: '同期' }).waitFor()
    await b.getByText('サーバーからライブラリを開く').click()
    const form = b.locator('.clone-library')
    await form.getByLabel('リモートの URL（http:// または https://）').fill(server.url)
    await form.getByLabel('ユーザー名').fill(server.user)
    await form.getByLabel('トークン').fill(server.token)
    await form
      .getByLabel('保存先フォルダ（ローカルディスク、空のフォルダ）')
      .fill(join(serverRoot, 'branch-clone'))
    await form.getByRole('button', { name: 'サーバーから開く' }).click()
    await expect
      .poll(() => b.getByRole('status').filter({ hasText: 'サーバーから' }).count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0)

    // An edit in the office arrives in the branch office.
    await editTitle(a, office.url, '空き家対策（本庁で更新）')
    await syncNow(a)
    await b.goto(`${branch.url}#/case/${CASE}`)
    await syncNow(b)
    const heading = b.getByRole('heading', { level: 1 })
    await expect
      .poll(() => heading.textContent(), { timeout: 15_000 })
      .toBe('空き家対策（本庁で更新）')
    await expect.poll(() => b.getByText('履歴（Git）').count()).toBeGreaterThan(0)
    await shot(b, 'arrived')

    // Both change the title: the branch office keeps its own and reviews the other.
    await editTitle(a, office.url, '本庁の案ほたる')
    await syncNow(a)
    await editTitle(b, branch.url, '区役所の案かわせみ')
    await syncNow(b)
    await expect
      .poll(() => b.getByRole('link', { name: /競合 1 件/ }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0)
    await b.getByRole('link', { name: /競合 1 件/ }).click()
    await expect
      .poll(() => b.getByTestId('conflict-mine').textContent())
      .toContain('区役所の案かわせみ')
    await expect
      .poll(() => b.getByTestId('conflict-theirs').textContent())
      .toContain('本庁の案ほたる')
    await shot(b, 'conflicts')
    await b.getByRole('button', { name: '相手の版を採用' }).click()
    await expect
      .poll(() => b.getByText('確認が必要な競合はありません。').count())
      .toBeGreaterThan(0)
    await b.goto(`${branch.url}#/case/${CASE}`)
    await expect
      .poll(() => b.getByRole('heading', { level: 1 }).textContent())
      .toBe('本庁の案ほたる')
    await syncNow(b)
    await syncNow(a)
    await a.goto(`${office.url}#/case/${CASE}`)
    await expect
      .poll(() => a.getByRole('heading', { level: 1 }).textContent())
      .toBe('本庁の案ほたる')
    await shot(a, 'resolved')
  }, 180_000)
})
