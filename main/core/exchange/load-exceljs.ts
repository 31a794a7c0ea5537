import type ExcelJS from 'exceljs'

/**
 * ExcelJS, loaded on the first spreadsheet export or import rather than at start: every process
 * that opens a library would otherwise hold its code (≈17 MB of RSS in plain Node) for a feature
 * most sessions never use.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}
