import ExcelJS from 'exceljs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExport } from '../../../main/cli/commands/export'
import { runImport } from '../../../main/cli/commands/import'
import { planImport, runImport as runImportPlan } from '../../../main/core/exchange/markdown-import'
import { exportCasesXlsx } from '../../../main/core/exchange/xlsx-export'
import { openLibrary } from '../../../main/core/library'
import { EventHub } from '../../../main/api/events'
import { createExchangeService } from '../../../main/api/exchange-service'
import { copySample, newLibrary, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()
const quiet = { stdout: () => {}, stderr: () => {} }

/** An empty list and an absent one say the same; the sheet cannot tell them apart. */
const withoutEmptyLists = (meta: object) =>
  Object.fromEntries(
    Object.entries(meta).filter(([k, v]) => k !== 'revision' && !(Array.isArray(v) && !v.length)),
  )

async function headersOf(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  return (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1)
}

describe('事例一覧 as .xlsx', () => {
  it('exports every case with Japanese headers, 和暦 and a link, and imports back unchanged', async () => {
    const parent = await temp.make()
    const source = await copySample(parent)
    const sheet = join(parent, 'all.xlsx')
    expect(await runExport([source, '--xlsx', sheet], quiet)).toBe(0)
    const headers = await headersOf(sheet)
    for (const h of ['事例名', '協働相手（名称 | 種別 | 役割）', '年度（和暦）', '状態', 'リンク'])
      expect(headers).toContain(h)
    expect(headers).toContain('ともに主体的に（点）')

    const { dir } = await newLibrary(temp)
    expect(await runImport([dir, sheet], quiet)).toBe(0)
    const before = await openLibrary(source)
    const after = await openLibrary(dir)
    const { cases } = await before.cases.list()
    expect((await after.cases.list()).cases).toHaveLength(cases.length)
    for (const meta of cases) {
      const copy = await after.cases.get(meta.id)
      expect(withoutEmptyLists(copy.meta)).toEqual(withoutEmptyLists(meta))
      expect(copy.body).toBe((await before.cases.get(meta.id)).body)
    }
  })

  it('imports a sheet written by another program: other column order, labels, 和暦 年度', async () => {
    const { parent, dir, library } = await newLibrary(temp)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    sheet.addRow(['担当課', 'タイトル', '年度', '種別', '状態', '成果', 'メモ欄'])
    sheet.addRow([
      '市民協働推進課',
      '公園の花壇づくり',
      '令和5',
      '地域・自治会、npo',
      '公開',
      '参加者: 40 人',
      'x',
    ])
    sheet.addRow([])
    sheet.addRow([
      '防災課',
      { richText: [{ text: '防災' }, { text: '訓練' }] },
      2022,
      '大学・学生',
      'draft',
      null,
      null,
    ])
    const file = join(parent, 'other.xlsx')
    await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()))

    const plan = await planImport(library, [file])
    expect(plan.failed).toEqual([])
    expect(plan.items.map((i) => i.title)).toEqual(['公園の花壇づくり', '防災訓練'])
    expect(plan.items[0]!.warnings.join()).toMatch(/メモ欄/)
    await runImportPlan(library, plan, { onDuplicate: 'skip' })
    const { cases } = await (await openLibrary(dir)).cases.list()
    const park = cases.find((c) => c.title === '公園の花壇づくり')!
    expect(park).toMatchObject({
      department: '市民協働推進課',
      fiscalYear: 2023,
      partnerTypes: ['community', 'npo'],
      status: 'published',
      outcomes: [{ label: '参加者', value: 40, unit: '人' }],
    })
    expect(cases.find((c) => c.title === '防災訓練')).toMatchObject({
      fiscalYear: 2022,
      partnerTypes: ['academia'],
      status: 'draft',
    })
  })

  it('reports each bad row with its row number and the reason; good rows still import', async () => {
    const { parent, library } = await newLibrary(temp)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('一覧')
    sheet.addRow(['事例名', '協働相手の種別', '開始', '評価（市）'])
    sheet.addRow(['良い行', '地域・自治会', '2024-04', 4])
    sheet.addRow(['種別が不明', '宇宙人', '2024-04', null])
    sheet.addRow(['', '地域・自治会', null, null])
    sheet.addRow(['日付が変', 'NPO・市民活動', '2024-13', 9])
    const file = join(parent, 'bad.xlsx')
    await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()))
    const plan = await planImport(library, [file])
    expect(plan.items.map((i) => i.title)).toEqual(['良い行'])
    expect(plan.failed.map((f) => f.source)).toEqual([
      'bad.xlsx 3行目 (row 3) 種別が不明',
      'bad.xlsx 4行目 (row 4)',
      'bad.xlsx 5行目 (row 5) 日付が変',
    ])
    expect(plan.failed[0]!.reason).toMatch(/宇宙人/)
    expect(plan.failed[1]!.reason).toMatch(/事例名/)
    expect(plan.failed[2]!.reason).toMatch(/開始.*2024-13/)
    expect(plan.failed[2]!.reason).toMatch(/評価（市）は 1〜5/)
  })

  it('finds duplicates like the Markdown import and refuses a file that is not a workbook', async () => {
    const parent = await temp.make()
    const dir = await copySample(parent)
    const library = await openLibrary(dir)
    const ids = (await library.cases.list()).cases.slice(0, 2).map((c) => c.id)
    const file = join(parent, 'two.xlsx')
    await writeFile(file, await exportCasesXlsx(library, ids))
    const plan = await planImport(library, [file])
    expect(plan.items.map((i) => i.duplicateOf?.id)).toEqual(ids)
    await writeFile(join(parent, 'fake.xlsx'), 'not a zip')
    const broken = await planImport(library, [join(parent, 'fake.xlsx')])
    expect(broken.failed[0]!.reason).toMatch(/Excel/)
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK')
  })
})

describe('exchange.export as .xlsx and PDF through the API', () => {
  it('exports the listed cases as a workbook and prints PDF with the door’s printer', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const printed: string[] = []
    const service = createExchangeService({
      library: () => library,
      events: new EventHub(),
      changed: async () => {},
      printPdf: async (html) => {
        printed.push(html)
        return new TextEncoder().encode('%PDF-1.7 test')
      },
    })
    const xlsx = await service['exchange.export'](['kagura-keisho'], 'xlsx')
    if (!xlsx.ok) throw new Error(xlsx.error.message)
    expect(xlsx.value.fileName).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx.value.dataBase64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets[0]!.rowCount).toBe(2)
    const pdf = await service['exchange.export'](['kagura-keisho'], 'pdf')
    expect(pdf).toMatchObject({ ok: true, value: { fileName: 'kagura-keisho.pdf' } })
    expect(printed[0]).toMatch(/@page\{size:A4/)
    expect(printed[0]).toContain('山間部の神楽保存会')
  })

  it('says PDF is unavailable where no printer was given', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const service = createExchangeService({
      library: () => library,
      events: new EventHub(),
      changed: async () => {},
    })
    const pdf = await service['exchange.export'](['kagura-keisho'], 'pdf')
    expect(pdf).toMatchObject({ ok: false, error: { code: 'io' } })
  })
})
