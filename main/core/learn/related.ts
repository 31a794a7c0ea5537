import type { CaseMeta } from '../../../common/model'
import {
  relatedCases,
  type RelatedCase,
  type RelatedInput,
  type RelatedOptions,
} from '../../../common/learn/related'
import { KbError } from '../errors'
import type { Library } from '../library'

export {
  SIMILARITY_THRESHOLD,
  relatedCases,
  type RelatedCase,
  type RelatedInput,
  type RelatedOptions,
  type RelatedReason,
} from '../../../common/learn/related'

/**
 * Up to this many cases, bodies take part in the text similarity. Titles and summaries alone
 * are short, so bodies find far more similar pairs; but reading every body on each case view
 * would be slow for a large library on a shared drive, which then compares metadata only.
 */
export const BODY_COMPARISON_LIMIT = 300
const READ_CONCURRENCY = 32

/** The cases related to case `id` in the library (see `relatedCases`). */
export async function relatedToCase(
  library: Library,
  id: string,
  options: RelatedOptions = {},
): Promise<RelatedCase[]> {
  const [target, { cases }] = await Promise.all([library.cases.get(id), library.cases.list()])
  if (cases.length > BODY_COMPARISON_LIMIT) {
    return relatedCases(
      { meta: target.meta },
      cases.map((meta) => ({ meta })),
      options,
    )
  }
  return relatedCases(target, await withBodies(library, cases), options)
}

async function withBodies(library: Library, cases: CaseMeta[]): Promise<RelatedInput[]> {
  const docs: RelatedInput[] = []
  for (let i = 0; i < cases.length; i += READ_CONCURRENCY) {
    const wave = cases.slice(i, i + READ_CONCURRENCY)
    const results = await Promise.allSettled(wave.map((meta) => library.cases.get(meta.id)))
    results.forEach((result, j) => {
      if (result.status === 'fulfilled') docs.push(result.value)
      // Damaged or deleted meanwhile: compared by its listed metadata only.
      else if (result.reason instanceof KbError) docs.push({ meta: wave[j]! })
      else throw result.reason
    })
  }
  return docs
}
