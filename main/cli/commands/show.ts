import type { CaseMeta } from '../../../common/model'
import { collaborationLinesJa } from '../../../common/learn/collaboration'
import { openLibrary } from '../../core/library'
import { parseArgs, type Output } from '../cli-args'

/** `show <dir> <id> [--json]`: a case's metadata and body. */
export async function runShow(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['dir', 'id'], flags: ['json'] })
  const library = await openLibrary(args.positional[0]!)
  const doc = await library.cases.get(args.positional[1]!)
  if (args.flags.has('json')) {
    out.stdout(`${JSON.stringify(doc, null, 2)}\n`)
    return 0
  }
  out.stdout(`${describe(doc.meta)}\n\n${doc.body}\n`)
  return 0
}

function describe(meta: CaseMeta): string {
  const lines: [string, string | undefined][] = [
    ['事例名', meta.title],
    ['ID', meta.id],
    ['状態', meta.status],
    ['概要', meta.summary],
    ['協働相手の種別', meta.partnerTypes.join(', ')],
    ['協働相手', meta.partners?.map((p) => `${p.name}（${p.role}）`).join('、')],
    ['協働の形態', meta.forms?.join('、')],
    ['担当課', meta.department],
    ['地域', meta.area],
    ['期間', meta.period && `${meta.period.start} 〜 ${meta.period.end ?? '継続中'}`],
    ['年度', meta.fiscalYear?.toString()],
    ['タグ', meta.tags?.join('、')],
    ['協働の4要素', collaborationLinesJa(meta.collaboration).join(' / ') || undefined],
    ['成果', meta.outcomes?.map((o) => `${o.label} ${o.value}${o.unit}`).join('、')],
    ['最終確認日', meta.lastVerified],
    ['更新', `${meta.updatedAt}（版 ${meta.revision}）`],
  ]
  return lines
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n')
}
