import * as fields from './search-document'

/** A local copy: read per document, and an import may compile to a getter call. */
const FIELD_COUNT = fields.FIELD_COUNT

/**
 * Field weights in FIELDS order: a word in the title says far more about what a case is
 * about than the same word somewhere in a 3,000-character body.
 *                              title tags partners dept area summary body */
export const FIELD_WEIGHTS = [6, 3, 3, 2, 1.5, 2, 1] as const

const K1 = 1.2
const B = 0.75
/**
 * Occurrences counted per field. BM25 saturates anyway (the tenth 協働 in a body adds little),
 * and stopping early keeps a query for a word in every case within budget.
 */
export const TF_CAP = 4
/** At most this much is added for the most recent 年度, fading to nothing over ten years. */
const RECENCY_BOOST = 0.2
const RECENCY_YEARS = 10

/** Inverse document frequency (BM25's, never negative). */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
}

/** BM25 score of one term in one document, from its (capped) count per field. */
export function termScore(
  counts: ArrayLike<number>,
  fieldLengths: ArrayLike<number>,
  averageLengths: ArrayLike<number>,
  termIdf: number,
): number {
  let sum = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const tf = counts[f]!
    if (tf === 0) continue
    const norm = 1 - B + (B * fieldLengths[f]!) / (averageLengths[f]! || 1)
    sum += (FIELD_WEIGHTS[f]! * (tf * (K1 + 1))) / (tf + K1 * norm)
  }
  return sum * termIdf
}

/** Multiplier favouring recent cases: practice changes, and a 2024 case is the likelier model. */
export function recencyBoost(fiscalYear: number | undefined, newestYear: number): number {
  if (fiscalYear === undefined || !Number.isFinite(newestYear)) return 1
  const age = Math.max(0, newestYear - fiscalYear)
  return 1 + RECENCY_BOOST * Math.max(0, 1 - age / RECENCY_YEARS)
}

/** Counts occurrences of `needle` in `haystack`, stopping at `cap`. */
export function countUpTo(haystack: string, needle: string, cap: number): number {
  let n = 0
  let at = haystack.indexOf(needle)
  while (at !== -1) {
    if (++n >= cap) return n
    at = haystack.indexOf(needle, at + needle.length)
  }
  return n
}
