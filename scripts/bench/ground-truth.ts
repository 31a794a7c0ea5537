import type { CaseDoc } from '../../common/model'
import { normalizeText } from '../../main/core/search/normalize'
import { parseQuery } from '../../main/core/search/query-parser'

/**
 * Exact-substring ground truth for plain queries: the cases in which every normalised word or
 * phrase occurs in the title, a tag or the body (the fields the fuse.js baseline searches too).
 */
export class GroundTruth {
  private readonly texts: { id: string; text: string }[]

  constructor(docs: CaseDoc[]) {
    this.texts = docs.map((d) => ({
      id: d.meta.id,
      text: [d.meta.title, ...(d.meta.tags ?? []), d.body].map(normalizeText).join('\u001f'),
    }))
  }

  matches(query: string): Set<string> {
    const terms = parseQuery(query).clauses.flatMap((c) =>
      c.atoms.flatMap((a) => (a.kind === 'term' ? [a.text] : [])),
    )
    return new Set(
      this.texts.filter((t) => terms.every((term) => t.text.includes(term))).map((t) => t.id),
    )
  }
}

/** Share of `truth` found in `found` (1 when the truth is empty). */
export function recall(truth: Set<string>, found: Iterable<string>): number {
  if (truth.size === 0) return 1
  let hit = 0
  for (const id of found) if (truth.has(id)) hit++
  return hit / truth.size
}
