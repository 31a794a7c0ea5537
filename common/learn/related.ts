import type { CaseMeta } from '../model/case'

/** Why a case is related, as data the UI translates (「同じ協働相手：NPO」「共通タグ：防災」). */
export type RelatedReason =
  | { kind: 'explicit' }
  | { kind: 'partnerType'; key: string }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'similar'; similarity: number }

export interface RelatedCase {
  id: string
  title: string
  /** 0–2: explicit links score 1 plus the rest, so they always come first. */
  score: number
  reasons: RelatedReason[]
}

export interface RelatedInput {
  meta: CaseMeta
  body?: string
}

export interface RelatedOptions {
  /** At most this many cases; default 5. */
  limit?: number
}

// Weights of the implicit part (they add up to 1): tags say most about the subject, text
// similarity catches what tags miss, and a shared partner type is common (six types) so it
// counts least.
const WEIGHT = { partnerType: 0.2, tags: 0.4, text: 0.4 }
/** Below this cosine similarity two texts are not called similar, and it adds nothing. */
export const SIMILARITY_THRESHOLD = 0.12

/**
 * Cases related to `target`, best first, each with the reasons it scored. Explicit `related`
 * links count in both directions and always rank first; then shared partner types and tags
 * (Jaccard overlap) and text similarity: cosine over TF-IDF weighted character bigrams of title,
 * summary, tags and — when given — the body, so template headings and common words weigh
 * little. Works on Japanese without a tokeniser. A case is never related to itself, and a case
 * with no reason at all is not listed.
 */
export function relatedCases(
  target: RelatedInput,
  all: RelatedInput[],
  options: RelatedOptions = {},
): RelatedCase[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 5))
  const others = all.filter((doc) => doc.meta.id !== target.meta.id)
  const vectors = tfIdfVectors([target, ...others])
  const targetVector = vectors[0]!
  const linked = new Set(target.meta.related ?? [])
  const targetTypes = new Set(target.meta.partnerTypes)
  const targetTags = new Set(target.meta.tags ?? [])

  const results: RelatedCase[] = []
  others.forEach((doc, i) => {
    const reasons: RelatedReason[] = []
    let score = 0
    const explicit = linked.has(doc.meta.id) || (doc.meta.related ?? []).includes(target.meta.id)
    if (explicit) {
      reasons.push({ kind: 'explicit' })
      score += 1
    }
    const types = new Set(doc.meta.partnerTypes)
    const sharedTypes = [...targetTypes].filter((key) => types.has(key))
    for (const key of sharedTypes) reasons.push({ kind: 'partnerType', key })
    score += WEIGHT.partnerType * jaccard(sharedTypes.length, targetTypes.size, types.size)
    const tags = new Set(doc.meta.tags ?? [])
    const sharedTags = [...targetTags].filter((tag) => tags.has(tag))
    if (sharedTags.length > 0) reasons.push({ kind: 'tags', tags: sharedTags })
    score += WEIGHT.tags * jaccard(sharedTags.length, targetTags.size, tags.size)
    const similarity = cosine(targetVector, vectors[i + 1]!)
    if (similarity >= SIMILARITY_THRESHOLD) {
      reasons.push({ kind: 'similar', similarity: round(similarity) })
      score += WEIGHT.text * similarity
    }
    if (reasons.length > 0)
      results.push({ id: doc.meta.id, title: doc.meta.title, score: round(score), reasons })
  })
  results.sort(
    (a, b) =>
      Number(b.reasons[0]?.kind === 'explicit') - Number(a.reasons[0]?.kind === 'explicit') ||
      b.score - a.score ||
      a.id.localeCompare(b.id),
  )
  return results.slice(0, limit)
}

function jaccard(shared: number, a: number, b: number): number {
  const union = a + b - shared
  return union === 0 ? 0 : shared / union
}

const round = (n: number) => Math.round(n * 1000) / 1000

/** The text a case is compared by: headings and Markdown punctuation carry no subject. */
function textOf({ meta, body }: RelatedInput): string {
  const parts = [meta.title, meta.summary ?? '', (meta.tags ?? []).join(' ')]
  if (body) parts.push(body.replace(/^#{1,6} .*$/gm, ' '))
  return parts.join('\n').normalize('NFKC').toLowerCase()
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  // Runs of letters and digits (any script); punctuation, symbols and spaces split them.
  for (const run of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run]
    if (chars.length === 1) counts.set(run, (counts.get(run) ?? 0) + 1)
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = chars[i]! + chars[i + 1]!
      counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  return counts
}

interface Vector {
  weights: Map<string, number>
  norm: number
}

// Bigram counts per input object, so that a view asking for the related cases of one case after
// another over the same list counts each text once. Checked against the text, so a changed object
// is counted again.
const countsCache = new WeakMap<RelatedInput, { text: string; counts: Map<string, number> }>()

function countsOf(doc: RelatedInput): Map<string, number> {
  // The raw fields joined (cheap), not the normalised text (NFKC over a whole body is not).
  const raw = [doc.meta.title, doc.meta.summary, doc.meta.tags?.join('\n'), doc.body].join('\u0000')
  const cached = countsCache.get(doc)
  if (cached?.text === raw) return cached.counts
  const counts = bigrams(textOf(doc))
  countsCache.set(doc, { text: raw, counts })
  return counts
}

function tfIdfVectors(docs: RelatedInput[]): Vector[] {
  const counts = docs.map(countsOf)
  const documentFrequency = new Map<string, number>()
  for (const c of counts)
    for (const gram of c.keys()) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1)
  return counts.map((c) => {
    const weights = new Map<string, number>()
    let sum = 0
    for (const [gram, n] of c) {
      // Smoothed so that even in a library of two cases a shared bigram still counts.
      const idf = Math.log(1 + docs.length / (documentFrequency.get(gram) ?? 1))
      const w = (1 + Math.log(n)) * idf
      if (w > 0) {
        weights.set(gram, w)
        sum += w * w
      }
    }
    return { weights, norm: Math.sqrt(sum) }
  })
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a]
  let dot = 0
  for (const [gram, w] of small.weights) dot += w * (large.weights.get(gram) ?? 0)
  return dot / (a.norm * b.norm)
}
