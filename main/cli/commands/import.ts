import { openLibrary } from '../../core/library'
import { planImport, runImport as runImportPlan } from '../../core/exchange/markdown-import'
import type { DuplicateChoice } from '../../core/exchange/types'
import { UsageError, parseArgs, type Output } from '../cli-args'

const CHOICES: DuplicateChoice[] = ['skip', 'replace', 'keep-both']

/**
 * `import <dir> <src...> [--on-duplicate skip|replace|keep-both] [--json]`: Markdown files or
 * folders (YAML front matter, images, wikilinks) and case packages (.zip) into the library.
 * Duplicates are skipped unless told otherwise; a replaced case is backed up first. Each file
 * that cannot be imported is reported and the rest still import. Exit 1 when any file failed.
 */
export async function runImport(argv: string[], out: Output): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--on-duplicate')
  if (positional.length < 2) {
    throw new UsageError('取り込むファイルかフォルダを指定してください (give at least one <src>)')
  }
  const args = parseArgs(argv, {
    positional: positional.map((_, i) => (i === 0 ? 'dir' : `src${i}`)),
    flags: ['json'],
    options: ['on-duplicate'],
  })
  const choice = (args.options.get('on-duplicate') ?? 'skip') as DuplicateChoice
  if (!CHOICES.includes(choice)) {
    throw new UsageError(
      `--on-duplicate は ${CHOICES.join(' | ')} のいずれかです (one of ${CHOICES.join(', ')})`,
    )
  }
  const [dir, ...sources] = args.positional
  const library = await openLibrary(dir!)
  const plan = await planImport(library, sources)
  const json = args.flags.has('json')
  const summary = await runImportPlan(library, plan, { onDuplicate: choice }, (done, total) => {
    if (!json) out.stderr(`\r${done}/${total}`)
  })
  if (json) {
    out.stdout(`${JSON.stringify(summary, null, 2)}\n`)
    return summary.failed.length > 0 ? 1 : 0
  }
  if (plan.items.length > 0) out.stderr('\n')
  for (const i of summary.imported)
    out.stdout(`取り込み (imported)\t${i.id}\t${i.title}\t${i.source}\n`)
  for (const i of summary.replaced)
    out.stdout(`置き換え (replaced)\t${i.id}\t${i.title}\t${i.source}\n`)
  for (const i of summary.skipped)
    out.stdout(`重複のためスキップ (skipped duplicate)\t${i.id}\t${i.title}\t${i.source}\n`)
  for (const f of summary.failed) out.stdout(`失敗 (failed)\t${f.source}\t${f.reason}\n`)
  for (const w of summary.warnings) out.stderr(`注意 (warning)\t${w.source}\t${w.message}\n`)
  out.stderr(
    `取り込み ${summary.imported.length} 件、置き換え ${summary.replaced.length} 件、スキップ ${summary.skipped.length} 件、失敗 ${summary.failed.length} 件 ` +
      `(imported ${summary.imported.length}, replaced ${summary.replaced.length}, skipped ${summary.skipped.length}, failed ${summary.failed.length})\n`,
  )
  return summary.failed.length > 0 ? 1 : 0
}
