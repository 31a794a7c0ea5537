import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp'
import { KB_METHODS } from '../../common/api'
import { ARTIFACTS, callApi, startApp, type RunningApp } from './web-host-harness'

// `npm run dev` cannot run here (no Electron binary), so its renderer is checked the way the
// window would show it: Vite's dev server with the project's renderer config (React's fast
// refresh preamble and the dev CSP included), opened in Chromium with a `window.kb` that stands
// in for the preload. Each bridge call goes to a web host over a copy of the sample library, as
// IPC would go to the main process. Only the native folder dialog is answered by the test, and
// /attachments/ is routed to the web host the way main/dev-attachments.ts does it in Electron.

let app: RunningApp
let vite: ViteDevServer
let devUrl: string

beforeAll(async () => {
  app = await startApp()
  const renderer = (config as { renderer: Record<string, unknown> }).renderer
  vite = await createServer({
    ...renderer,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  await vite.listen()
  devUrl = vite.resolvedUrls?.local[0] ?? ''
  expect(devUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
})

afterAll(async () => {
  await vite?.close()
  await app?.stop()
})

/** A page on the dev server with a preload-like `window.kb`; collects console errors. */
async function openDevPage(pickedFolder: string | null = null) {
  const page = await app.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.exposeBinding('__kbInvoke', async (_source, method: string, args: unknown[]) => {
    if (method === 'library.pickFolder') return { ok: true, value: { path: pickedFolder } }
    return callApi(app, method, args)
  })
  await page.addInitScript((methods: readonly string[]) => {
    const invoke = (window as unknown as { __kbInvoke(m: string, a: unknown[]): unknown })
      .__kbInvoke
    const bridge: Record<string, unknown> = { onEvent: () => () => undefined }
    for (const method of methods) bridge[method] = (...args: unknown[]) => invoke(method, args)
    Object.defineProperty(window, 'kb', { value: Object.freeze(bridge) })
  }, KB_METHODS)
  await page.route('**/attachments/**', async (route) => {
    const url = new URL(route.request().url())
    const response = await fetch(`${app.origin}${url.pathname}?token=${app.token}`)
    await route.fulfill({
      status: response.status,
      contentType: response.headers.get('Content-Type') ?? undefined,
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  return { page, errors }
}

async function metaPolicy(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? '',
  )
}

describe('npm run dev: the renderer from the dev server', () => {
  it('shows the app: the dev CSP admits exactly the fast-refresh preamble, and nothing is blocked', async () => {
    const { page, errors } = await openDevPage()
    const response = await page.goto(devUrl)
    const header = response?.headers()['content-security-policy'] ?? ''
    const list = page.getByRole('list', { name: '事例一覧' })
    await expect
      .poll(() => list.getByRole('listitem').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5)
    // A case with a photo: the body renders, and its attachment loads from /attachments/.
    await page.goto(`${devUrl}#/case/kasumigawa-seiso`)
    const photo = page.locator('img[src*="kasen-seiso.png"]').first()
    await photo.waitFor({ state: 'attached' })
    await photo.scrollIntoViewIfNeeded()
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    await page.screenshot({ path: join(ARTIFACTS, 'dev-renderer-case.png') })
    // The same dev policy as header (the whole page) and meta: only the preamble's hash added.
    for (const policy of [header, await metaPolicy(page)]) {
      const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? ''
      expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/)
      expect(policy).toContain("object-src 'none'")
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    }
    expect(errors.filter((e) => /Content Security Policy|preamble/i.test(e))).toEqual([])
    await page.context().close()
  })

  it('settings show 「フォルダを選ぶ…」 under Electron, and the chosen folder opens', async () => {
    const { page, errors } = await openDevPage(app.libraryDir)
    await page.goto(`${devUrl}#/settings`)
    const button = page.getByRole('button', { name: 'フォルダを選ぶ…' })
    await button.waitFor({ timeout: 30_000 })
    await page.screenshot({ path: join(ARTIFACTS, 'dev-renderer-settings.png') })
    await button.click()
    await page.getByText(/ライブラリ「.+」を開きました/).waitFor()
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([])
    await page.context().close()
  })

  it('control: with the production CSP forced onto the dev page, as the main process used to do, the preamble is refused', async () => {
    const { page, errors } = await openDevPage()
    await page.route(devUrl, async (route) => {
      const response = await route.fetch()
      const headers = { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY }
      await route.fulfill({ response, headers })
    })
    await page.goto(devUrl)
    await expect
      .poll(() => errors.some((e) => /inline script.*Content Security Policy/is.test(e)))
      .toBe(true)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('#root').innerHTML(), 'the window stays blank').toBe('')
    await page.screenshot({ path: join(ARTIFACTS, 'dev-renderer-production-csp.png') })
    await page.context().close()
  })
})
