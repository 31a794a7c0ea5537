import type { CaseDoc } from '../../common/model'
import { normalizeText } from '../../main/core/search/normalize'
import { parseQuery } from '../../main/core/search/query-parser'

/**
 * The raw scan floor and the ground truth: every case's searchable text normalised once (title,
 * tags, partner names, 担当課, 地域, summary, body), and a query answered by `includes` over all
 * of it. Handles words, phrases, OR and exclusions; a query with a filter has no scan answer.
 */
export class SubstringScan {
  private readonly texts: { id: string; text: string }[]

  constructor(docs: CaseDoc[]) {
    this.texts = docs.map(({ meta, body }) => ({
      id: meta.id,
      text: [
        meta.title,
        ...(meta.tags ?? []),
        ...(meta.partners ?? []).map((p) => p.name),
        meta.department ?? '',
        meta.area ?? '',
        meta.summary ?? '',
        body,
      ]
        .map(normalizeText)
        .join('\u001f'),
    }))
  }

  /** Whether this query can be answered by a scan (no filters). */
  static scannable(query: string): boolean {
    return parseQuery(query).clauses.every((c) => c.atoms.every((a) => a.kind === 'term'))
  }

  /** Ids matching `query`: every positive clause has a word that occurs, no negated one does. */
  matches(query: string): string[] {
    const clauses = parseQuery(query).clauses.map((c) => ({
      negated: c.negated,
      terms: c.atoms.flatMap((a) => (a.kind === 'term' ? [a.text] : [])),
    }))
    const out: string[] = []
    for (const { id, text } of this.texts) {
      let ok = true
      for (const c of clauses) {
        const any = c.terms.some((t) => text.includes(t))
        if (any === c.negated) {
          ok = false
          break
        }
      }
      if (ok) out.push(id)
    }
    return out
  }

  /** How many cases hold `term` (normalised). */
  documentFrequency(term: string): number {
    let n = 0
    for (const { text } of this.texts) if (text.includes(term)) n++
    return n
  }

  get size(): number {
    return this.texts.length
  }

  text(i: number): string {
    return this.texts[i]!.text
  }
}

/** Share of `truth` found in `found` (1 when the truth is empty). */
export function recall(truth: readonly string[], found: readonly string[]): number {
  if (truth.length === 0) return 1
  const set = new Set(found)
  let hit = 0
  for (const id of truth) if (set.has(id)) hit++
  return hit / truth.length
}
