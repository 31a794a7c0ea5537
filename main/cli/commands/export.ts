import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../core/atomic-write'
import { exportCaseHtml, exportCaseMarkdown } from '../../core/exchange/export-reading'
import { exportPackage } from '../../core/exchange/package'
import { exportCasesXlsx } from '../../core/exchange/xlsx-export'
import { findChromium, printHtmlToPdf } from '../../core/decks/print-pdf'
import { openLibrary } from '../../core/library'
import { UsageError, parseArgs, type Output } from '../cli-args'

/**
 * `export <dir> (--out <file.zip> | --html <file.html> | --markdown <path> | --xlsx <file.xlsx> |
 *   --pdf <file.pdf>) [--ids a,b]`:
 * - `--out`: an exchange package (manifest with checksums, format v1 inside);
 * - `--html`: one standalone HTML file of the cases, for reading and printing;
 * - `--markdown`: Markdown with YAML front matter; with one id `<path>` is the file, otherwise a
 *   folder that receives `<id>.md` per case;
 * - `--xlsx`: the 事例一覧 spreadsheet (Japanese headers, one row per case; imports again);
 * - `--pdf`: the cases as printed from the app (A4, one case per page run), with Chromium.
 * Without `--ids`, every case (damaged ones are left out).
 */
export async function runExport(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, {
    positional: ['dir'],
    options: ['out', 'html', 'markdown', 'xlsx', 'pdf', 'ids'],
  })
  const targets = (['out', 'html', 'markdown', 'xlsx', 'pdf'] as const).filter((o) =>
    args.options.has(o),
  )
  if (targets.length !== 1) {
    throw new UsageError(
      '--out、--html、--markdown、--xlsx、--pdf のどれか1つを指定してください (give exactly one of --out, --html, --markdown, --xlsx, --pdf)',
    )
  }
  const library = await openLibrary(args.positional[0]!)
  const listed = args.options
    .get('ids')
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  const ids = listed ?? (await library.cases.list()).cases.map((c) => c.id)
  const kind = targets[0]!
  const path = args.options.get(kind)!
  if (kind === 'out') {
    await writeFileAtomic(path, await exportPackage(library, listed ?? 'all'))
  } else if (kind === 'xlsx') {
    await writeFileAtomic(path, await exportCasesXlsx(library, ids))
  } else if (kind === 'pdf') {
    const chromium = await findChromium()
    if (!chromium) {
      out.stderr(
        'PDFの作成にはChromiumが必要です。CHROMIUM_PATH を設定してください (Chromium is needed for PDF; set CHROMIUM_PATH)\n',
      )
      return 1
    }
    await printHtmlToPdf(await exportCaseHtml(library, ids), path, chromium)
  } else if (kind === 'html') {
    await writeFileAtomic(path, await exportCaseHtml(library, ids))
  } else if (listed?.length === 1) {
    await writeFileAtomic(path, await exportCaseMarkdown(library, listed[0]!))
  } else {
    await mkdir(path, { recursive: true })
    for (const id of ids)
      await writeFileAtomic(join(path, `${id}.md`), await exportCaseMarkdown(library, id))
  }
  out.stderr(`${ids.length} 件を書き出しました (exported ${ids.length} cases): ${path}\n`)
  return 0
}
