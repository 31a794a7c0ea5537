import type { exchangeJa } from './exchange.ja'

/** English strings of the exchange screens (every key of exchange.ja.ts). */
export const exchangeEn: Record<keyof typeof exchangeJa, string> = {
  'nav.exchange': 'Import & export',
  'import.title': 'Import cases',
  'import.help':
    'Choose Markdown files (with front matter, e.g. from Obsidian), their folder, case packages (.zip) or a case list spreadsheet (.xlsx, headers in row 1), or drop them here. You can review before anything is imported.',
  'import.chooseFiles': 'Choose files',
  'import.chooseFolder': 'Choose a folder',
  'import.reading': 'Checking {n} files…',
  'import.found':
    'Found {n} cases ({duplicates} duplicate existing ones, {failed} files or rows unreadable)',
  'import.caseTitle': 'Title',
  'import.source': 'Source file',
  'import.duplicate': 'Duplicate',
  'import.duplicateOf': 'Duplicates “{title}”:',
  'import.skip': 'Skip',
  'import.replace': 'Replace',
  'import.keepBoth': 'Keep both',
  'import.new': 'New',
  'import.run': 'Import {n} cases',
  'import.running': 'Importing… {done}/{total}',
  'import.summary': '{imported} imported, {replaced} replaced, {skipped} skipped, {failed} failed',
  'import.failed': 'Files and rows that could not be imported ({n})',
  'import.again': 'Import more',
  'export.title': 'Export',
  'export.help':
    'Hand the whole library to another department as a case package (.zip with checksums), or save it as HTML for reading or as a case list spreadsheet (Excel).',
  'export.package': 'Case package (.zip)',
  'export.html': 'HTML for reading',
  'export.xlsx': 'Case list (Excel .xlsx)',
  'export.listXlsx': 'Export to Excel',
  'export.listXlsxTitle': 'Export the {n} cases of this list to Excel (.xlsx)',
  'print.print': 'Print',
  'print.pdf': 'Save PDF',
  'print.pdfBusy': 'Making the PDF…',
  'print.pdfFailed': 'Could not make the PDF: {reason}',
  'external.changed': 'This case was changed elsewhere while you were editing (revision {n}).',
  'external.reload': 'Load the changed version (discard my edit)',
  'external.keep': 'Keep editing (you can compare when saving)',
}
