import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DOT_PNG_BASE64,
  HOSTILE_PAYLOADS,
  LEGIT_MARKDOWN,
  linearPathologicalBodies,
  quadraticBody,
} from './hostile-corpus'
import { ARTIFACTS, callApi, startApp, type RunningApp } from './web-host-harness'

// Issue 8: hostile case bodies rendered by the real renderer (marked + DOMPurify) in Chromium
// through the web host. Each payload tries to trip a sentinel (window.__pwned, the page title,
// a request to evil.example, a dialog); nothing may run, navigate, frame or load remote content,
// and ordinary content must survive.

/** Tags that must never appear inside a rendered case body. */
const FORBIDDEN_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'base',
  'meta',
  'link',
  'style',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'video',
  'audio',
  'source',
  'dialog',
  'map',
  'area',
]
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'cite',
  'srcset',
  'ping',
  'xlink:href',
  'longdesc',
  'usemap',
]
/**
 * Longest the window may stop answering while a pathological body renders. (The 500-level list
 * blocks ~3.5 s on an idle two-core machine; CI machines are shared, hence the margin.)
 */
const FREEZE_LIMIT_MS = 8_000
/** Longest a pathological body may take to appear. */
const RENDER_LIMIT_MS = 15_000

interface Observations {
  requests: string[]
  dialogs: string[]
  navigations: string[]
  popups: number
}

let app: RunningApp
let context: BrowserContext
let page: Page
let title: string
const seen: Observations = { requests: [], dialogs: [], navigations: [], popups: 0 }
const caseIds: { id: string; marker: string; legit: boolean }[] = []

async function apiValue<T>(method: string, args: unknown[]): Promise<T> {
  const envelope = await callApi<T>(app, method, args)
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value
}

async function createCase(title: string, body: string): Promise<string> {
  const doc = await apiValue<{ meta: { id: string } }>('cases.create', [
    { meta: { title, status: 'published', partnerTypes: ['npo'] }, body },
  ])
  return doc.meta.id
}

/** Opens a case and waits until its body (which starts with `marker`) is rendered. */
async function openCase(target: Page, id: string, marker: string): Promise<void> {
  await target.goto(`${app.url}#/case/${id}`)
  await target.waitForFunction(
    (text) => document.querySelector('.markdown')?.textContent?.includes(text) ?? false,
    marker,
    { timeout: 15_000 },
  )
}

/** Everything inside `.markdown` that breaks the rules, as readable strings (empty = clean). */
function markdownViolations(target: Page) {
  return target.evaluate(
    ({ forbidden, urlAttributes }) => {
      const root = document.querySelector('.markdown')
      if (!root) return ['no .markdown element']
      const problems: string[] = []
      for (const tag of forbidden) {
        const count = root.querySelectorAll(tag).length
        if (count > 0) problems.push(`<${tag}> x${count}`)
      }
      for (const element of [root, ...root.querySelectorAll('*')]) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase()
          if (name.startsWith('on')) problems.push(`${element.tagName} ${name}`)
          if (['style', 'srcdoc', 'formaction', 'action', 'srcset', 'ping'].includes(name)) {
            problems.push(`${element.tagName} ${name}=${attribute.value.slice(0, 60)}`)
          }
          if (!urlAttributes.includes(name)) continue
          const value = attribute.value
          const own = new URL(value, location.href)
          // http: is allowed (issue 2: external links http(s)/mailto).
          const allowed =
            /^(https?:|mailto:|#)/i.test(value) ||
            (value.startsWith('/attachments/') &&
              own.origin === location.origin &&
              own.pathname.startsWith('/attachments/'))
          if (!allowed) problems.push(`${element.tagName} ${name}=${value.slice(0, 80)}`)
        }
      }
      return problems
    },
    { forbidden: FORBIDDEN_TAGS, urlAttributes: URL_ATTRIBUTES },
  )
}

/** Hovers and clicks what a reader would: every link and image (never an https link or download). */
async function poke(target: Page): Promise<number> {
  const items = target.locator('.markdown a, .markdown img, .markdown div, .markdown span')
  const count = await items.count()
  let poked = 0
  for (let i = 0; i < count; i++) {
    const item = items.nth(i)
    if (!(await item.isVisible())) continue
    await item.hover({ timeout: 2_000, force: true }).catch(() => undefined)
    const href = await item.getAttribute('href')
    // https links open a new tab to the real site and attachment links download: not clicked.
    if (href === null || href.startsWith('#')) {
      if (href?.startsWith('#')) continue // an in-page anchor would change the app's route
      await item.click({ timeout: 2_000, force: true }).catch(() => undefined)
    }
    poked++
  }
  // And every event a handler could listen for, dispatched on every element of the body.
  await target.evaluate(() => {
    const types = [
      'click',
      'dblclick',
      'mouseover',
      'mouseenter',
      'pointerenter',
      'focus',
      'error',
      'load',
      'toggle',
      'animationstart',
      'begin',
    ]
    for (const element of document.querySelectorAll('.markdown, .markdown *')) {
      for (const type of types) element.dispatchEvent(new Event(type))
    }
  })
  return poked
}

async function sentinel(target: Page) {
  return target.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    title: document.title,
    kb: typeof (window as unknown as { kb?: unknown }).kb,
    cookieType: typeof document.cookie,
    rootIsApp: document.getElementById('root')?.closest('.markdown') === null,
    getElementById: typeof document.getElementById,
  }))
}

function watch(target: Page): void {
  target.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  target.on('request', (request) => {
    const url = new URL(request.url())
    if (/^(https?|wss?|ftp):$/.test(url.protocol) && url.hostname !== '127.0.0.1') {
      seen.requests.push(request.url())
    }
  })
  target.on('framenavigated', (frame) => {
    if (frame === target.mainFrame()) seen.navigations.push(frame.url())
  })
  target.on('popup', () => seen.popups++)
}

beforeAll(async () => {
  app = await startApp()
  context = await app.browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'ja-JP',
  })
  // Remote requests never leave the machine: they are recorded (above) and aborted here.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    return url.hostname === '127.0.0.1' ? route.continue() : route.abort()
  })
  await context.addInitScript(() => {
    const violations: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = violations
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
  page = await context.newPage()
  watch(page)

  // One body with the ordinary content and every payload that does not swallow what follows;
  // one body per payload that does.
  const joined = HOSTILE_PAYLOADS.filter((p) => !p.swallows)
    .map((p) => `<!-- ${p.name.replaceAll('--', '—')} -->\n\n${p.markdown}`)
    .join('\n\n')
  const mainMarker = 'HOSTILE-MAIN-BODY'
  const mainId = await createCase(
    '敵対的Markdownの検証',
    `${mainMarker}\n\n${LEGIT_MARKDOWN}\n\n${joined}`,
  )
  await apiValue('attachments.add', [
    { caseId: mainId, name: 'dot.png', dataBase64: DOT_PNG_BASE64 },
  ])
  caseIds.push({ id: mainId, marker: mainMarker, legit: true })
  for (const [i, payload] of HOSTILE_PAYLOADS.filter((p) => p.swallows).entries()) {
    const marker = `HOSTILE-SWALLOW-${i}`
    caseIds.push({
      id: await createCase(`敵対的Markdown ${payload.name}`, `${marker}\n\n${payload.markdown}`),
      marker,
      legit: false,
    })
  }
  await page.goto(app.url)
  await page.waitForSelector('.topbar')
  title = await page.title()
})

afterAll(async () => {
  await context?.close()
  await app?.stop()
})

describe('hostile Markdown in Chromium through the web host', () => {
  it('the corpus is large and covers every family the issue names', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(60)
    const names = HOSTILE_PAYLOADS.map((p) => p.name).join('\n')
    for (const family of [
      'script',
      'onerror',
      'javascript:',
      'data:',
      'vbscript:',
      'mXSS',
      'iframe srcdoc',
      'embed',
      'object',
      'form',
      'meta refresh',
      'base href',
      'cookie',
      'alt-text',
      'fence',
      'link title',
      'remote image',
      'url()',
    ]) {
      expect(names, family).toContain(family)
    }
  })

  it('renders every hostile body inert: no forbidden tag, no handler, only safe URLs, nothing runs', async () => {
    for (const { id, marker } of caseIds) {
      await openCase(page, id, marker)
      expect(await markdownViolations(page), `case ${marker}`).toEqual([])
      await poke(page)
      expect(await sentinel(page), `case ${marker}`).toEqual({
        pwned: undefined,
        title,
        kb: 'undefined',
        cookieType: 'string',
        rootIsApp: true,
        getElementById: 'function',
      })
      // Nothing framed: the page is its one and only frame.
      expect(page.frames()).toHaveLength(1)
    }
    await page.waitForTimeout(500) // let any late timer or meta refresh fire
    expect(await sentinel(page)).toMatchObject({ pwned: undefined, title })
    expect(seen.dialogs, 'dialogs opened').toEqual([])
    expect(seen.requests, 'requests to hosts other than 127.0.0.1').toEqual([])
    expect(seen.popups, 'popups').toBe(0)
    for (const url of seen.navigations) {
      const parsed = new URL(url)
      expect(`${parsed.origin}${parsed.pathname}`, 'the main frame never leaves the app').toBe(
        `${app.origin}/`,
      )
    }
    // The sanitiser, not only the CSP, stopped the remote loads: the CSP saw none to block.
    // No remote load was even attempted: the sanitiser removed them before the CSP had to act.
    // (Expected reports, not loads: base-uri and script-src-attr come from DOMPurify's working
    // document, which inherits the page's CSP and refuses <base href> and on* handlers while
    // DOMPurify parses; script-src eval is zod probing whether it may compile validators.)
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )
    expect(
      violations.filter((v) => v.includes('evil.example') && !v.startsWith('base-uri ')),
    ).toEqual([])
    expect(violations.filter((v) => !/^(base-uri|script-src-attr|script-src) /.test(v))).toEqual([])
  })

  it('keeps ordinary content: headings, lists, tables, a local image, https/mailto/#anchor links, code; hides comments', async () => {
    const main = caseIds.find((c) => c.legit)!
    await openCase(page, main.id, main.marker)
    const markdown = page.locator('.markdown')
    await expect.poll(() => markdown.locator('h2', { hasText: '背景・課題' }).count()).toBe(1)
    expect(await markdown.locator('strong', { hasText: '地域の担い手' }).count()).toBe(1)
    expect(await markdown.locator('ul > li', { hasText: '項目A' }).count()).toBe(1)
    expect(await markdown.locator('ul ul > li', { hasText: '入れ子の項目' }).count()).toBe(1)
    expect(await markdown.locator('ol > li').count()).toBeGreaterThanOrEqual(2)
    expect(await markdown.locator('table th', { hasText: '指標' }).count()).toBe(1)
    expect(await markdown.locator('table td', { hasText: '120' }).count()).toBe(1)
    expect(await markdown.locator('blockquote', { hasText: '協働のコツ' }).count()).toBe(1)
    expect(await markdown.locator('pre code', { hasText: 'const ok = true' }).count()).toBe(1)

    const report = markdown.locator('a', { hasText: '市の報告書' })
    expect(await report.getAttribute('href')).toBe('https://www.city.example.lg.jp/report.html')
    expect(await report.getAttribute('target')).toBe('_blank')
    expect((await report.getAttribute('rel'))?.split(/\s+/)).toContain('noopener')
    expect(await markdown.locator('a', { hasText: '問い合わせ' }).getAttribute('href')).toBe(
      'mailto:kyodo@city.example.lg.jp',
    )
    expect(await markdown.locator('a', { hasText: '目次へ' }).getAttribute('href')).toBe('#toc')

    // The local attachment image points at the app's own URL and actually loads.
    const image = markdown.locator('img[alt="会場の写真"]')
    const src = (await image.getAttribute('src')) ?? ''
    expect(src.startsWith(`/attachments/${main.id}/dot.png`)).toBe(true)
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true)

    // The HTML comment is neither shown nor kept.
    expect(await markdown.textContent()).not.toContain('内部メモ')
    expect(await markdown.innerHTML()).not.toContain('<!--')

    await page.screenshot({ path: join(ARTIFACTS, 'hostile-markdown.png'), fullPage: false })
  })

  // One shared event stream per page, so a second tab is not starved of connections.
  it('a second tab of the web host opens a case while the first one is open', async () => {
    const main = caseIds.find((c) => c.legit)!
    await openCase(page, main.id, main.marker)
    const second = await context.newPage()
    try {
      await second.goto(`${app.url}#/case/${main.id}`)
      await second.waitForFunction(
        (text) => document.querySelector('.markdown')?.textContent?.includes(text) ?? false,
        main.marker,
        { timeout: 10_000 },
      )
    } finally {
      await second.close()
    }
  })

  it('the page has no Node: require, process, Buffer, module, global are all undefined', async () => {
    const types = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
      module: typeof (globalThis as Record<string, unknown>).module,
      global: typeof (globalThis as Record<string, unknown>).global,
      exports: typeof (globalThis as Record<string, unknown>).exports,
    }))
    expect(types).toEqual({
      require: 'undefined',
      process: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      global: 'undefined',
      exports: 'undefined',
    })
  })
})

describe('rendering limits', () => {
  /** Rejects when the page does not answer `evaluate(() => 1)` within `ms`: the window is frozen. */
  async function answersWithin(target: Page, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        target.evaluate(() => 1),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the window froze for over ${ms} ms`)), ms)
        }),
      ])
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Opens the case in a fresh page. Until the body shows (or an error message does), the page
   * must keep answering within FREEZE_LIMIT_MS, and it must show within RENDER_LIMIT_MS; then
   * the header must still work.
   */
  async function expectRendersWithoutFreezing(body: string, marker: string): Promise<void> {
    const id = await createCase(`描画限界 ${marker}`, body)
    // A context of its own: a frozen page dies with it, and its connections do not compete
    // with the other pages' event streams (see the two-tabs test below).
    const ownContext = await app.browser.newContext({ viewport: { width: 1366, height: 860 } })
    const own = await ownContext.newPage()
    watch(own)
    try {
      await own.goto(app.url)
      await own.waitForSelector('.topbar')
      const deadline = Date.now() + RENDER_LIMIT_MS
      await own.evaluate((hash) => (location.hash = hash), `#/case/${id}`)
      for (;;) {
        await answersWithin(own, FREEZE_LIMIT_MS)
        const shown = await own.evaluate(
          (text) =>
            (document.querySelector('.markdown')?.textContent?.includes(text) ?? false) ||
            document.querySelector('main [role="alert"]') !== null,
          marker,
        )
        if (shown) break
        if (Date.now() > deadline) {
          const state = await own.evaluate(() => ({
            hash: location.hash,
            shown: document.querySelector('main')?.textContent?.slice(0, 200),
          }))
          throw new Error(`not rendered within ${RENDER_LIMIT_MS} ms: ${JSON.stringify(state)}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      // The header still works: the brand link takes the reader back to the list.
      await own.locator('.topbar a.brand').click({ timeout: FREEZE_LIMIT_MS })
      await own.waitForFunction(() => location.hash === '#/' || location.hash === '', undefined, {
        timeout: FREEZE_LIMIT_MS,
      })
      await answersWithin(own, FREEZE_LIMIT_MS)
    } finally {
      // A frozen renderer must not hang the suite: closing its context ends it.
      await ownContext.close().catch(() => undefined)
    }
  }

  it.each(Object.entries(linearPathologicalBodies()))(
    'pathological Markdown (%s) renders without freezing the window',
    async (name, body) => {
      await expectRendersWithoutFreezing(`PATHOLOGICAL-${name}\n\n${body}`, `PATHOLOGICAL-${name}`)
    },
  )

  // marked is quadratic on `[*a` repeated; large bodies render in a Worker with a timeout.
  it("marked's quadratic shape ([*a x 20000, 60 KB) renders or fails gracefully without freezing the window", async () => {
    await expectRendersWithoutFreezing(quadraticBody(), 'PATHOLOGICAL-QUADRATIC')
  })
})
