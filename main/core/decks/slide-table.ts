import {
  TABLE_MAX_CELL_CHARS,
  TABLE_MAX_LINES,
  linesFor,
  tableCharsPerLine,
  textWidth,
} from './slide-layout'
import type { MarkdownTable } from './slide-text'

/**
 * Splits a table's rows into slide-sized pages (each repeats the header). Cells longer than
 * TABLE_MAX_CELL_CHARS are cut with 「…」; `cut` lists their full text for the notes.
 */
export function paginateTable(table: MarkdownTable): { pages: string[][][]; cut: string[] } {
  const perLine = tableCharsPerLine(table.columns.length)
  const cut: string[] = []
  const rows = table.rows.map((row) =>
    table.columns.map((_, i) => {
      const cell = row[i] ?? ''
      if (cell.length <= TABLE_MAX_CELL_CHARS) return cell
      cut.push(`${row[0] ?? ''}: ${cell}`)
      return `${cell.slice(0, TABLE_MAX_CELL_CHARS - 1)}…`
    }),
  )
  const cost = (row: string[]) =>
    Math.max(...row.map((cell, i) => linesFor(textWidth(cell), perLine[i] ?? 10)))
  const header = cost(table.columns)
  const pages: string[][][] = []
  let page: string[][] = []
  let lines = header
  for (const row of rows) {
    const c = cost(row)
    if (page.length > 0 && lines + c > TABLE_MAX_LINES) {
      pages.push(page)
      page = []
      lines = header
    }
    page.push(row)
    lines += c
  }
  if (page.length > 0 || pages.length === 0) pages.push(page)
  return { pages, cut }
}
