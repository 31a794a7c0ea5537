import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { KbApi } from '../../common/api'
import type { ExportedFile, ImportPreview } from '../../common/model'
import { restoreBackup, listBackups } from '../core/backup/backups'
import { asResult, KbError, bilingual } from '../core/errors'
import { exportCaseHtml, exportCaseMarkdown } from '../core/exchange/export-reading'
import { planImport } from '../core/exchange/import-plan'
import { runImport } from '../core/exchange/import-run'
import { exportPackage } from '../core/exchange/package'
import type { ImportPlan } from '../core/exchange/types'
import { assertSafeFileName } from '../core/file-names'
import type { Library } from '../core/library'
import type { PrintPdf } from './deck-service'
import type { EventHub } from './events'
import { exportCasesXlsx } from '../core/exchange/xlsx-export'

type ExchangeMethods = Pick<
  KbApi,
  | 'import.prepare'
  | 'import.run'
  | 'import.cancel'
  | 'exchange.export'
  | 'backups.list'
  | 'backups.restore'
>

// A prepared import waits this long for the user's choices before its files are cleaned up.
const PLAN_TTL_MS = 30 * 60_000

interface PreparedImport {
  plan: ImportPlan
  staging: string
  timer: NodeJS.Timeout
}

/**
 * Import (files the user picked or dropped, uploaded into a private staging folder, then planned:
 * duplicates found, bad files listed, nothing written yet), the run with the user's choices and
 * progress, exports for exchange and reading, and restoring earlier versions of a case.
 */
export function createExchangeService(deps: {
  library: () => Library
  events: EventHub
  changed: (ids: string[]) => Promise<void>
  /** Prints HTML to PDF: Electron's printToPDF in the app, Chromium on the web host. */
  printPdf?: PrintPdf
}): ExchangeMethods {
  const { library, events, changed } = deps
  const prepared = new Map<string, PreparedImport>()

  async function discard(id: string): Promise<void> {
    const entry = prepared.get(id)
    if (!entry) return
    prepared.delete(id)
    clearTimeout(entry.timer)
    await rm(entry.staging, { recursive: true, force: true })
  }

  return {
    'import.prepare': (files) =>
      asResult(async (): Promise<ImportPreview> => {
        const staging = await mkdtemp(join(tmpdir(), 'kb-import-'))
        for (const file of files) {
          // Every folder and file name of the relative path is checked: nothing lands outside.
          const parts = file.path.split(/[/\\]/).filter(Boolean)
          parts.forEach((part) => assertSafeFileName(part))
          const target = join(staging, ...parts)
          await mkdir(dirname(target), { recursive: true })
          await writeFile(target, Buffer.from(file.dataBase64, 'base64'))
        }
        const plan = await planImport(library(), [staging])
        const id = randomBytes(8).toString('hex')
        const timer = setTimeout(() => void discard(id), PLAN_TTL_MS)
        timer.unref?.()
        prepared.set(id, { plan, staging, timer })
        const strip = (source: string) => source.replace(staging, '').replace(/^[/\\]/, '')
        return {
          id,
          items: plan.items.map((item) => ({
            key: item.key,
            source: strip(item.source),
            title: item.title,
            duplicateOf: item.duplicateOf,
            warnings: item.warnings,
          })),
          failed: plan.failed.map((f) => ({ source: strip(f.source), reason: f.reason })),
        }
      }),
    'import.run': (id, onDuplicate) =>
      asResult(async () => {
        const entry = prepared.get(id)
        if (!entry) {
          throw new KbError(
            'not_found',
            bilingual(
              '取り込みの準備が見つかりません。もう一度ファイルを選んでください。',
              'The prepared import has expired; choose the files again.',
            ),
          )
        }
        try {
          const summary = await runImport(library(), entry.plan, { onDuplicate }, (done, total) =>
            events.emit({ type: 'progress', task: 'import', done, total }),
          )
          await changed([...summary.imported, ...summary.replaced].map((c) => c.id))
          const strip = (source: string) => source.replace(entry.staging, '').replace(/^[/\\]/, '')
          return {
            imported: summary.imported.map((c) => ({ ...c, source: strip(c.source) })),
            replaced: summary.replaced.map((c) => ({ ...c, source: strip(c.source) })),
            skipped: summary.skipped.map((c) => ({ ...c, source: strip(c.source) })),
            failed: summary.failed.map((f) => ({ ...f, source: strip(f.source) })),
            warnings: summary.warnings.map((w) => ({ ...w, source: strip(w.source) })),
          }
        } finally {
          await discard(id)
        }
      }),
    'import.cancel': (id) =>
      asResult(async () => {
        await discard(id)
        return { id }
      }),
    'exchange.export': (ids, format) =>
      asResult(async (): Promise<ExportedFile> => {
        const stamp = new Date().toISOString().slice(0, 10)
        if (format === 'package') {
          const data = await exportPackage(library(), ids.length ? ids : 'all')
          return {
            fileName: `kyodo-cases-${stamp}.zip`,
            mimeType: 'application/zip',
            dataBase64: Buffer.from(data).toString('base64'),
          }
        }
        const all = ids.length ? ids : (await library().cases.list()).cases.map((c) => c.id)
        if (format === 'xlsx') {
          return {
            fileName: `kyodo-cases-${stamp}.xlsx`,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            dataBase64: Buffer.from(await exportCasesXlsx(library(), all)).toString('base64'),
          }
        }
        if (format === 'pdf') {
          if (!deps.printPdf) {
            throw new KbError(
              'io',
              bilingual('ここではPDFを作成できません', 'PDF printing is not available here'),
            )
          }
          const pdf = await deps.printPdf(await exportCaseHtml(library(), all))
          return {
            fileName: all.length === 1 ? `${all[0]}.pdf` : `kyodo-cases-${stamp}.pdf`,
            mimeType: 'application/pdf',
            dataBase64: Buffer.from(pdf).toString('base64'),
          }
        }
        if (format === 'html') {
          const html = await exportCaseHtml(library(), all)
          return {
            fileName: `kyodo-cases-${stamp}.html`,
            mimeType: 'text/html; charset=utf-8',
            dataBase64: Buffer.from(html).toString('base64'),
          }
        }
        if (all.length !== 1) {
          throw new KbError(
            'invalid',
            bilingual('Markdownは1件ずつ書き出せます', 'Markdown export takes one case at a time'),
          )
        }
        const markdown = await exportCaseMarkdown(library(), all[0]!)
        return {
          fileName: `${all[0]}.md`,
          mimeType: 'text/markdown; charset=utf-8',
          dataBase64: Buffer.from(markdown).toString('base64'),
        }
      }),
    'backups.list': (caseId) =>
      asResult(async () => ({ backups: await listBackups(library(), caseId) })),
    'backups.restore': (caseId, stamp) =>
      asResult(async () => {
        const doc = await restoreBackup(library(), caseId, stamp)
        await changed([caseId])
        return doc
      }),
  }
}
