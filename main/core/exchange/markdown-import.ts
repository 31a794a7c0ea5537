/**
 * Import (issue 7): Markdown notes with YAML front matter (Obsidian/Jekyll), single files,
 * nested folders and case packages. Two steps, so the UI can show what will happen and ask about
 * duplicates before anything is written:
 *
 *   const plan = await planImport(library, [folder])          // scans and validates; no writes
 *   const summary = await runImport(library, plan, { onDuplicate: 'skip' }, onProgress)
 *
 * Front matter → format v1: title (else the first `# heading`, else the file name), tags (list or
 * "a, b" text), aliases, date/created/updated → createdAt/updatedAt, summary/description,
 * partnerTypes/type (keys, labels or words such as 自治会・NPO・企業), department, area, status
 * (published/draft/archived or 公開/下書き; drafts by default), period (object, "2019-04〜2021-03",
 * or start/end), fiscalYear/年度, and v1's other fields when their values fit. Everything else,
 * and any value that does not fit, is kept under `extra` in case.json (the store preserves
 * unknown keys), so nothing the author wrote is lost.
 */
export { planImport, titleKey, type ImportDeps } from './import-plan'
export { runImport, type RunImportDeps } from './import-run'
export { parseNote, scanVault, type ParsedNote, type Vault } from './markdown-note'
export type {
  DuplicateChoice,
  ImportChoices,
  ImportPlan,
  ImportSummary,
  PlannedCase,
} from './types'
