import ExcelJS from 'exceljs'
import { execFile } from 'node:child_process'
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const run = promisify(execFile)
const PROJECT = join(import.meta.dirname, '..', '..')
const CASE_ID = 'kagura-keisho'

/** `npm run kb -- …` without npm: the CLI entry through tsx, as the web host is started. */
const kb = (...args: string[]) =>
  run(
    process.execPath,
    [join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'main/cli/kb.ts', ...args],
    {
      cwd: PROJECT,
      timeout: 120_000,
    },
  )

const pdfText = async (file: string) => (await run('pdftotext', ['-layout', file, '-'])).stdout
const squeeze = (text: string) => text.replace(/\s+/g, '')

const soffice = await access('/usr/bin/soffice')
  .then(() => '/usr/bin/soffice')
  .catch(() => undefined)
const hasPdftotext = await access('/usr/bin/pdftotext')
  .then(() => true)
  .catch(() => false)
if (!hasPdftotext)
  console.warn('pdftotext (poppler-utils) is not installed: the printed-PDF checks were skipped')

describe('printing a case and Excel in Chromium and the CLI', () => {
  let app: RunningApp
  let work: string
  beforeAll(async () => {
    app = await startApp()
    work = await mkdtemp(join(tmpdir(), 'kb-print-excel-'))
  })
  afterAll(async () => {
    await app?.stop()
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('prints only the case: no top bar, sidebar, list or buttons under print media', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/${CASE_ID}`)
    const title = page.getByRole('heading', { level: 1 })
    await expect.poll(() => title.textContent()).toContain('神楽')
    await expect.poll(() => page.getByRole('button', { name: '印刷' }).isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    for (const selector of ['.topbar', '.sidebar', '.case-list', '.case-actions'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false)
    expect(await title.isVisible()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'case-print-view.png'), fullPage: true })
    // What Chromium prints (A4, print media) holds the case and nothing of the app around it.
    if (!hasPdftotext) return
    const printed = join(work, 'printed.pdf')
    await page.pdf({ path: printed, format: 'A4', preferCSSPageSize: true })
    const text = squeeze(await pdfText(printed))
    expect(text).toContain(squeeze((await title.textContent()) ?? ''))
    expect(text).toContain('協働のコツ')
    expect(text).not.toContain('取り込み・書き出し')
    expect(text).not.toContain('並べ替え')
  })

  it('saves the case as a PDF from the case view (Chromium on the web host)', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/${CASE_ID}`)
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByRole('button', { name: 'PDFを保存' }).click()
    const file = join(work, 'from-ui.pdf')
    await (await download).saveAs(file)
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-')
    if (hasPdftotext) expect(squeeze(await pdfText(file))).toContain('協働のコツ')
  })

  it.skipIf(!hasPdftotext)(
    'kb export --pdf prints the case with its title and every section heading',
    async () => {
      const out = join(work, 'case.pdf')
      await kb('export', app.libraryDir, '--pdf', out, '--ids', CASE_ID)
      const meta = JSON.parse(
        await readFile(join(app.libraryDir, 'cases', CASE_ID, 'case.json'), 'utf8'),
      ) as { title: string }
      const body = await readFile(join(app.libraryDir, 'cases', CASE_ID, 'case.md'), 'utf8')
      const headings = [...body.matchAll(/^#{1,3} (.+)$/gm)].map((m) => m[1]!.trim())
      expect(headings.length).toBeGreaterThanOrEqual(9)
      const text = squeeze(await pdfText(out))
      for (const expected of [meta.title, ...headings]) expect(text).toContain(squeeze(expected))
    },
  )

  it.skipIf(!soffice)(
    'an .xlsx from kb export --xlsx opens in LibreOffice with every title (needs libreoffice-calc)',
    async () => {
      const sheet = join(work, 'jirei.xlsx')
      await kb('export', app.libraryDir, '--xlsx', sheet)
      await run(
        soffice!,
        [
          `-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          join(work, 'csv'),
          sheet,
        ],
        { timeout: 120_000 },
      )
      const csv = await readFile(join(work, 'csv', 'jirei.csv'), 'utf8')
      expect(csv.split('\n')[0]).toMatch(/^ID,事例名,概要,協働相手の種別/)
      const cases = await readdir(join(app.libraryDir, 'cases'))
      for (const id of cases) {
        const { title } = JSON.parse(
          await readFile(join(app.libraryDir, 'cases', id, 'case.json'), 'utf8'),
        ) as { title: string }
        expect(csv).toContain(title)
      }
      expect(csv).toContain('令和')
    },
  )
  if (!soffice)
    console.warn('LibreOffice (soffice) is not installed: the .xlsx → CSV check was skipped')

  it('imports an .xlsx written by another program in the import screen, with row errors', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    sheet.addRow(['年度', '担当課', '事例名', '協働相手の種別', '状態', 'タグ'])
    sheet.addRow([
      '令和5',
      '環境政策課',
      '河川清掃を地域と学生で',
      '地域・自治会\n大学・学生',
      '公開',
      '環境、清掃',
    ])
    sheet.addRow([2024, '子育て支援課', '', 'NPO・市民活動', '下書き', null])
    sheet.addRow(['R6', '防災課', '避難所運営ゲームの出前講座', '宇宙人', '公開', null])
    const page = await app.newPage()
    await page.goto(`${app.url}#/exchange`)
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: '他課の事例一覧.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      })
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: '1 件の事例が見つかりました' }).count(),
      )
      .toBe(1)
    await expect.poll(() => page.getByText(/3行目 \(row 3\)/).isVisible()).toBe(true)
    await expect.poll(() => page.getByText(/4行目 \(row 4\) 避難所/).isVisible()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'excel-import-preview.png'), fullPage: true })
    await page.getByRole('button', { name: /件を取り込む/ }).click()
    await expect
      .poll(() => page.getByText(/取り込み 1 件/).isVisible(), { timeout: 20_000 })
      .toBe(true)
    await page.getByRole('link', { name: '河川清掃を地域と学生で' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('河川清掃を地域と学生で')
    await expect.poll(() => page.getByText('令和5年度').first().isVisible()).toBe(true)
  })

  it('exports the list on screen to Excel from the list toolbar', async () => {
    const page = await app.newPage()
    await page.goto(`${app.url}#/`)
    await page.locator('#search-box').fill('防災')
    await expect.poll(() => page.locator('.list-count').textContent()).toMatch(/件ヒット/)
    const shown = await page.locator('.case-row').count()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Excelに書き出す' }).click()
    const file = join(work, 'list.xlsx')
    await (await download).saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    expect(workbook.worksheets[0]!.rowCount - 1).toBe(shown)
    await writeFile(join(work, 'done'), '')
  })
})
