import { openLibrary } from '../../core/library'
import { parseArgs, type Output } from '../cli-args'

/** `list <dir> [--json]`: one line per case (id, 年度, status, title), damaged cases last. */
export async function runList(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['dir'], flags: ['json'] })
  const library = await openLibrary(args.positional[0]!)
  const { cases, damaged } = await library.cases.list()
  if (args.flags.has('json')) {
    out.stdout(`${JSON.stringify({ cases, damaged }, null, 2)}\n`)
    return 0
  }
  for (const c of cases) {
    out.stdout(`${c.id}\t${c.fiscalYear ?? '-'}\t${c.status}\t${c.title}\n`)
  }
  for (const d of damaged) out.stderr(`破損 (damaged)\t${d.file}\t${d.reason}\n`)
  out.stderr(
    `${cases.length} 件 (cases)${damaged.length ? `、破損 ${damaged.length} 件 (damaged)` : ''}\n`,
  )
  return 0
}
