import type {
  DuplicateChoice,
  ExportedFile,
  ImportFile,
  ImportPreview,
  ImportSummary,
} from '../model/exchange'
import type { Result } from './result'

/** Bringing cases in (Markdown, Obsidian, packages) and taking them out (package, HTML, Markdown). */
export interface ExchangeApi {
  /** Uploads files to import and plans the import (duplicates, bad files); writes nothing yet. */
  'import.prepare'(files: ImportFile[]): Promise<Result<ImportPreview>>
  'import.run'(
    id: string,
    onDuplicate: DuplicateChoice | Record<string, DuplicateChoice>,
  ): Promise<Result<ImportSummary>>
  'import.cancel'(id: string): Promise<Result<{ id: string }>>
  /**
   * A selection (or, with no ids, every case) as an exchange package, reading HTML, Markdown,
   * the 事例一覧 spreadsheet (.xlsx) or the printed cases as an A4 PDF.
   */
  'exchange.export'(
    ids: string[],
    format: 'package' | 'html' | 'markdown' | 'xlsx' | 'pdf',
  ): Promise<Result<ExportedFile>>
}
