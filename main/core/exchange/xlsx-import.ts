import type ExcelJS from 'exceljs'
import { loadExcelJS } from './load-exceljs'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { caseBodyTemplate } from '../../../common/body-template'
import { errorMessage } from '../../../common/error-message'
import { storedCaseMetaSchema } from '../case-schema'
import { isValidId } from '../ids'
import type { Library } from '../library'
import { validInput } from '../stored-json'
import { BODY_ALIASES, BODY_HEADER, COLUMNS, LINK_HEADER, type Column } from './xlsx-columns'
import type { ImportPlan } from './types'

/** The text a person sees in a cell, whatever ExcelJS stored (rich text, link, formula, date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue)
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  if ('error' in value) return ''
  return ''
}

const headerKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

function columnIndex(headers: string[]): { columns: Map<number, Column>; body?: number } {
  const byName = new Map<string, Column>()
  for (const column of COLUMNS)
    for (const name of [column.header, ...(column.aliases ?? [])])
      byName.set(headerKey(name), column)
  const columns = new Map<number, Column>()
  let body: number | undefined
  headers.forEach((header, i) => {
    const key = headerKey(header)
    if ([BODY_HEADER, ...BODY_ALIASES].some((h) => headerKey(h) === key)) body = i
    const column = byName.get(key)
    if (column && ![...columns.values()].includes(column)) columns.set(i, column)
  })
  return { columns, body }
}

const rowLabel = (file: string, row: number) => `${basename(file)} ${row}行目 (row ${row})`

/**
 * Plans the import of a 事例一覧 spreadsheet: the first sheet, headers in row 1 matched by name
 * (any order; the export's Japanese headers, their short forms or the case.json keys), one case
 * per following row. Each row is checked as a save would check it, so a bad row shows in the
 * preview as failed with its row number and the reason, and the others still import. Empty rows
 * are skipped. Duplicates are found afterwards by planImport, as for Markdown.
 */
export async function planSpreadsheet(
  file: string,
  plan: ImportPlan,
  library: Library,
): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer)
  } catch (error) {
    plan.failed.push({
      source: basename(file),
      reason: `Excelファイルとして読めません (not a readable .xlsx): ${errorMessage(error)}`,
    })
    return
  }
  const sheet = workbook.worksheets[0]
  const headerRow = sheet?.getRow(1)
  const headers: string[] = []
  headerRow?.eachCell(
    { includeEmpty: true },
    (cell, col) => (headers[col - 1] = cellText(cell.value)),
  )
  const { columns, body } = columnIndex(headers)
  if (!sheet || ![...columns.values()].some((c) => c.header === '事例名')) {
    plan.failed.push({
      source: basename(file),
      reason: '1行目に「事例名」の見出しがありません (no 事例名/title header in row 1)',
    })
    return
  }
  const ctx = { partnerTypes: library.config.partnerTypes }
  const ignored = headers.filter(
    (h, i) => h && !columns.has(i) && i !== body && headerKey(h) !== headerKey(LINK_HEADER),
  )
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const texts = headers.map((_, i) => cellText(row.getCell(i + 1).value))
    if (texts.every((t) => !t.trim())) continue
    const draft: Record<string, unknown> = { schema: 1, status: 'draft' }
    const problems: string[] = []
    for (const [i, column] of columns) {
      const text = texts[i]?.trim()
      if (!text || !column.read) continue
      try {
        column.read(text, draft, ctx)
      } catch (error) {
        problems.push(`${column.header}: ${errorMessage(error)}`)
      }
    }
    // An empty 終了 is an ongoing case, stored as the editor stores it.
    const period = draft.period as { start?: string; end?: string | null } | undefined
    if (period?.start && period.end === undefined) period.end = null
    const source = rowLabel(file, r)
    const title = typeof draft.title === 'string' ? draft.title : ''
    try {
      if (!title) problems.unshift('事例名がありません (title is missing)')
      if (problems.length > 0) throw new Error(problems.join('／'))
      // Checked now with placeholders for what the import sets, so the preview shows the reason.
      const stamp = new Date(0).toISOString()
      validInput(
        storedCaseMetaSchema,
        { createdAt: stamp, updatedAt: stamp, revision: 1, ...draft, id: 'probe' },
        { ja: '事例', en: 'case' },
      )
    } catch (error) {
      plan.failed.push({ source: `${source} ${title}`.trim(), reason: errorMessage(error) })
      continue
    }
    const id = typeof draft.id === 'string' && isValidId(draft.id) ? draft.id : ''
    delete draft.id
    plan.items.push({
      key: `${file}#${r}`,
      source: `${source} › ${title}`,
      kind: 'spreadsheet',
      id,
      title,
      linkNames: [title],
      meta: draft,
      body: body !== undefined && texts[body] ? texts[body]! : caseBodyTemplate(),
      attachments: [],
      warnings: ignored.length ? [`使わない列 (ignored columns): ${ignored.join('、')}`] : [],
    })
  }
}
