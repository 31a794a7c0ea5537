import {
  TABLE_MAX_CELL_CHARS,
  TABLE_MAX_LINES,
  TABLE_MAX_ROWS,
  linesFor,
  tableCharsPerLine,
  textWidth,
} from './slide-layout'
import type { MarkdownTable } from './slide-text'

/**
 * Splits a table's rows into slide-sized pages (each repeats the header): at most
 * TABLE_MAX_ROWS rows and TABLE_MAX_LINES lines of 16 pt. Cells longer than
 * TABLE_MAX_CELL_CHARS are trimmed with 「…」 at a clause (the notes carry the whole table).
 */
export function paginateTable(table: MarkdownTable): string[][][] {
  const perLine = tableCharsPerLine(table.columns.length, firstColumn(table))
  const rows = table.rows.map((row) => table.columns.map((_, i) => trimCell(row[i] ?? '')))
  const cost = (row: string[]) =>
    Math.max(...row.map((cell, i) => linesFor(textWidth(cell), perLine[i] ?? 10)))
  const header = cost(table.columns)
  const pages: string[][][] = []
  let page: string[][] = []
  let lines = header
  for (const row of rows) {
    const c = cost(row)
    if (page.length > 0 && (lines + c > TABLE_MAX_LINES || page.length >= TABLE_MAX_ROWS)) {
      pages.push(page)
      page = []
      lines = header
    }
    page.push(row)
    lines += c
  }
  if (page.length > 0 || pages.length === 0) pages.push(page)
  return pages
}

function trimCell(cell: string): string {
  if (cell.length <= TABLE_MAX_CELL_CHARS) return cell
  const head = cell.slice(0, TABLE_MAX_CELL_CHARS - 1)
  const clause = Math.max(head.lastIndexOf('、'), head.lastIndexOf('，'), head.lastIndexOf(','))
  return `${clause > TABLE_MAX_CELL_CHARS / 2 ? head.slice(0, clause) : head}…`
}

/** The cells of a table's first column, header included: they decide its width. */
export function firstColumn(table: { columns: string[]; rows: string[][] }): string[] {
  return [table.columns[0] ?? '', ...table.rows.map((row) => row[0] ?? '')]
}
