import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

describe('web host in Chromium (foundation)', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('lists the sample cases when the printed KB_URL is opened', async () => {
    const page = await app.newPage()
    await page.goto(app.url)
    // The list is virtualised: the count says how many there are; the rows in view are rendered.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '件' }).first().textContent())
      .toBe('27 件')
    const list = page.getByRole('list', { name: '事例一覧' })
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(5)
    await expect
      .poll(() => page.getByText('かすみ野市 協働事例集（サンプル）').first().isVisible())
      .toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'foundation-list.png') })
  })

  it('refuses an API call without the token', async () => {
    const response = await fetch(`${app.origin}/api/cases.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [] }),
    })
    expect(response.status).toBe(401)
    const withToken = await fetch(`${app.origin}/api/cases.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ args: [] }),
    })
    const envelope = (await withToken.json()) as { ok: boolean; value: { cases: unknown[] } }
    expect(envelope.ok).toBe(true)
    expect(envelope.value.cases.length).toBeGreaterThanOrEqual(24)
  })
})
