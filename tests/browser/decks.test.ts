import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

/** Searches from the top bar and opens the first hit. Returns the case's title. */
async function openFirstHit(page: Page, query: string): Promise<string> {
  // Type only once the library has loaded: a query typed earlier can be overtaken by the load.
  await expect.poll(() => page.locator('.case-list .case-row').count()).toBeGreaterThan(0)
  await page.locator('#search-box').fill(query)
  await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/件ヒット/)
  const first = page.locator('.case-list .case-row').first()
  // The list follows the query a moment after typing: wait until its first row matches it.
  await expect.poll(() => first.textContent()).toContain(query)
  const href = (await first.getAttribute('href')) ?? ''
  const rowTitle = (await first.locator('.case-row-title').textContent()) ?? ''
  await first.click()
  await expect.poll(() => page.url()).toContain(href)
  // The view may still show the case opened before (e.g. after goBack): wait until its heading
  // is the clicked row's title (the row's title may carry a status badge in front).
  const heading = page.locator('#case-title')
  await expect
    .poll(async () => {
      const text = (await heading.isVisible()) ? await heading.textContent() : ''
      return text !== '' && text !== null && rowTitle.endsWith(text)
    })
    .toBe(true)
  return (await heading.textContent()) ?? ''
}

const itemTitles = (page: Page) => page.locator('.deck-item-title').allTextContents()

describe('slide decks in Chromium', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('builds a deck from search results, reorders it, previews and exports PowerPoint', async () => {
    const page = await app.newPage()
    await page.goto(app.url)

    // First case: search, open, 「スライドに追加」 → a new deck.
    const first = await openFirstHit(page, '河川')
    await page.getByRole('button', { name: 'スライドに追加' }).click()
    const dialog = page.getByRole('dialog', { name: 'スライドに追加' })
    await dialog.getByLabel('新しいスライドのタイトル').fill('新任職員研修 協働のすすめ')
    await dialog.getByRole('button', { name: '新しいスライドを作成' }).click()
    // The notice names the deck by its title and opens it; no raw route in the text.
    const toast = page
      .locator('.toast')
      .filter({ hasText: '「新任職員研修 協働のすすめ」に 1 件追加しました' })
    await expect.poll(() => toast.count()).toBe(1)
    expect(await toast.textContent()).not.toContain('#/')
    await toast.getByRole('button', { name: '「新任職員研修 協働のすすめ」を開く' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/decks\/deck-/)
    const id = /#\/decks\/([a-z0-9-]+)/.exec(page.url())?.[1]
    expect(id).toBeTruthy()
    await page.goBack()

    // Second case, added to the same deck.
    const second = await openFirstHit(page, '空き家')
    expect(second).not.toBe(first)
    await page.getByRole('button', { name: 'スライドに追加' }).click()
    await page
      .getByRole('dialog', { name: 'スライドに追加' })
      .getByRole('button', { name: /新任職員研修 協働のすすめ/ })
      .click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)

    // The builder: both cases, in the order they were added.
    await page.goto(`${app.url}#/decks/${id}`)
    await expect.poll(() => itemTitles(page)).toEqual([first, second])

    // Reorder with the keyboard: focus the move-down button and press Enter.
    const down = page.getByRole('button', { name: `「${first}」を下へ移動` })
    await down.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => itemTitles(page)).toEqual([second, first])
    // Focus stayed on the moved item (now last: its "up" button).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`「${first}」を上へ移動`)
    await expect.poll(() => page.getByText('未保存の変更があります').isVisible()).toBe(true)
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('保存しました')
    const onDisk = JSON.parse(await readFile(join(app.libraryDir, 'decks', `${id}.json`), 'utf8'))
    expect(onDisk.items.map((i: { caseId: string }) => i.caseId)).toHaveLength(2)
    expect(onDisk.items[1].caseId).not.toBe(onDisk.items[0].caseId)

    // The preview shows the slides of the deck, the second case first.
    await expect.poll(() => page.locator('.deck-slide').count()).toBeGreaterThan(4)
    await expect
      .poll(() => page.locator('.deck-slide.kind-case-overview').first().textContent())
      .toContain(second)
    await page
      .getByRole('button', { name: /項目を選ぶ/ })
      .first()
      .click()
    // The toasts of the additions go away on their own (5 s); the screenshots wait for that.
    await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0)
    await shot(page, 'deck-builder')
    // Scroll only the preview column (scrollIntoView would move the whole app shell).
    await page.locator('.deck-preview').evaluate((preview) => {
      const slide =
        preview.querySelector('.deck-slide.kind-table') ??
        preview.querySelector('.deck-slide.kind-section')
      if (!slide) return
      const offset = slide.getBoundingClientRect().top - preview.getBoundingClientRect().top
      preview.scrollTop += offset - 120
    })
    await shot(page, 'deck-slides')

    // Export PowerPoint: a download of a zip (starts with PK).
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'PowerPoint' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('新任職員研修_協働のすすめ.pptx')
    const file = await readFile((await download.path())!)
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(file.length).toBeGreaterThan(10_000)
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '書き出しました' }).count())
      .toBe(1)
  }, 120_000)

  it('builds a training deck through the picker, applies a preset, edits one slide and exports it', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/decks`)
    await page.getByLabel('新しいスライドのタイトル').fill('学生との協働')
    await page.getByRole('button', { name: '作成', exact: true }).click()
    await expect.poll(() => page.locator('.deck-builder h1').textContent()).toBe('学生との協働')

    // 事例を追加: search like the main list, then add every result at once.
    await page.getByRole('button', { name: '＋ 事例を追加' }).click()
    const picker = page.getByRole('dialog', { name: '事例を追加' })
    await picker.getByRole('searchbox', { name: '検索' }).fill('学生')
    await picker.getByLabel('協働相手').selectOption('academia')
    const addAll = picker.getByRole('button', { name: /この検索結果をスライドに追加（\d+ 件）/ })
    await expect.poll(() => addAll.isEnabled()).toBe(true)
    await shot(page, 'deck-picker')
    const n = Number(/（(\d+) 件）/.exec((await addAll.textContent()) ?? '')![1])
    expect(n).toBeGreaterThanOrEqual(3)
    await addAll.click()
    await expect.poll(() => itemTitles(page).then((t) => t.length)).toBe(n)

    // 概要 for every case: the live preview follows the unsaved deck.
    await page.getByRole('radio', { name: /^概要/ }).click()
    const previewCount = async () =>
      Number(
        /（(\d+) 枚）/.exec((await page.locator('#deck-preview-title').textContent()) ?? '')?.[1] ??
          0,
      )
    await expect.poll(previewCount).toBeLessThanOrEqual(n * 2 + 3)
    await page.getByRole('radio', { name: /^標準/ }).click()
    await expect.poll(previewCount).toBeGreaterThan(n * 2)
    expect(await previewCount()).toBeLessThanOrEqual(n * 4 + 3)

    // Edit the first case's 協働のコツ slide: the preview shows it before saving.
    const first = (await itemTitles(page))[0]!
    await page
      .getByRole('button', { name: /項目を選ぶ/ })
      .first()
      .click()
    const field = page.getByLabel(`「${first}」の協働のコツのスライドの文章`)
    await expect.poll(() => field.inputValue()).toMatch(/^- /)
    await field.fill('- 研修用に書き直した要点：学生の主体性を信じる\n- 出口を最初に決める')
    // on its own slide, and as that case's take-away on the closing slide
    await expect
      .poll(() => page.locator('.deck-slide').filter({ hasText: '研修用に書き直した要点' }).count())
      .toBe(2)
    await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0)
    await shot(page, 'deck-slide-text')
    await page.locator('.deck-preview').evaluate((preview) => {
      const slide = [...preview.querySelectorAll('.deck-slide')].find((s) =>
        s.textContent?.includes('研修用に書き直した要点'),
      )
      if (!slide) return
      preview.scrollTop +=
        slide.getBoundingClientRect().top - preview.getBoundingClientRect().top - 80
    })
    await shot(page, 'deck-preview-edited')

    // Export: the edit is in the downloaded PowerPoint.
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'PowerPoint' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('学生との協働.pptx')
    const zip = await JSZip.loadAsync(await readFile((await download.path())!))
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    )
    const texts = slides.map((xml) =>
      [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''),
    )
    const edited = texts.filter((t) => t.includes('研修用に書き直した要点'))
    expect(edited).toHaveLength(2)
    expect(edited[0]).toContain('協働のコツ')
    expect(edited[0]).toContain('出口を最初に決める')
    expect(slides.length).toBe(await previewCount())
    const onDisk = JSON.parse(
      await readFile(
        join(app.libraryDir, 'decks', `${/#\/decks\/([a-z0-9-]+)/.exec(page.url())![1]}.json`),
        'utf8',
      ),
    )
    expect(onDisk.preset).toBe('standard')
    expect(onDisk.items[0].overrides['協働のコツ']).toContain('研修用に書き直した要点')
  }, 180_000)
})
