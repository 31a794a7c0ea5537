import { loadExcelJS } from './load-exceljs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Library } from '../library'
import { BODY_HEADER, COLUMNS, LINK_HEADER } from './xlsx-columns'

/** The sheet's name; the import reads the first sheet whatever its name. */
export const SHEET_NAME = '事例一覧'

// Excel refuses a cell longer than this; a longer body is cut in the sheet and said so.
const MAX_CELL = 32_767

/**
 * Cases as a 事例一覧 workbook (.xlsx): one row per case with every metadata field under Japanese
 * headers (xlsx-columns.ts), a リンク column pointing at the case's file in this library (for
 * colleagues on the same shared drive) and the body as Markdown, so the sheet imports again.
 * Cases come in the order of `ids`; damaged ones are not asked for by callers.
 */
export async function exportCasesXlsx(library: Library, ids: string[]): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = '協働ナレッジベース'
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    ...COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    { header: LINK_HEADER, width: 30 },
    { header: BODY_HEADER, width: 60 },
  ]
  sheet.getRow(1).font = { bold: true }
  const ctx = { partnerTypes: library.config.partnerTypes }
  for (const id of ids) {
    const { meta, body } = await library.cases.get(id)
    const file = join(library.root, 'cases', id, 'case.md')
    const row = sheet.addRow([
      ...COLUMNS.map((c) => c.write(meta, ctx) ?? null),
      { text: `cases/${id}/case.md`, hyperlink: pathToFileURL(file).href },
      body.length > MAX_CELL ? body.slice(0, MAX_CELL) : body,
    ])
    row.alignment = { vertical: 'top', wrapText: true }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length + 2 } }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
