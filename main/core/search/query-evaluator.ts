import { matchesElementRange } from './collaboration-filter'
import type { FuzzyIndex } from './fuzzy-index'
import type { NgramIndex } from './ngram-index'
import { intersectIds, union } from './posting-list'
import type { ParsedQuery, QueryAtom } from './query-parser'
import * as ranking from './ranking'
import * as fields from './search-document'
import type { SearchDocument } from './search-document'
import type { SynonymTable } from './synonyms'

// Local copies of the imports used per document: a module loader that compiles imports to
// getter calls (tsx, vitest) otherwise pays a call for every read in the hot loops below.
const { TF_CAP, countUpTo, idf, recencyBoost, termScore } = ranking
const { BODY, FIELD_COUNT } = fields

/** What the evaluator needs from the engine. */
export interface Corpus {
  docs: readonly (SearchDocument | undefined)[]
  /** Bigrams of the short fields (title … summary) and of the body, kept apart. */
  shortIndex: NgramIndex
  bodyIndex: NgramIndex
  synonyms: SynonymTable
  liveCount: number
  averageLengths: ArrayLike<number>
  newestYear: number
  /**
   * Per document number, the body's normalised length and the 年度: flat copies, so scoring a
   * candidate that needs no text check never loads the document (on 10,000 cases the loads of
   * scattered objects, not the arithmetic, were most of the scoring).
   */
  bodyLengths: readonly number[]
  fiscalYears: readonly (number | undefined)[]
  fuzzy(): FuzzyIndex
}

/** Below this many exact results, typo-tolerant matches are added (ranked after every exact one). */
const FEW_RESULTS = 3

type FilterAtom = QueryAtom & { kind: 'filter' }

interface TermPlan {
  /** Spellings (synonyms) that occur in some case, at least as candidates. */
  variants: string[]
  phrase: boolean
  /** Some spelling is longer than a bigram, so a candidate must be confirmed with indexOf. */
  needsCheck: boolean
  /** Per document number: 1 when a short field may contain the word. */
  inShort: Uint8Array
  /** Per document number: how often the body may contain it (an upper bound; 0 = not at all). */
  bodyCount: Uint8Array
  /** Per spelling, per document number: 1 when the body may contain that spelling. */
  bodyMarks: Uint8Array[]
  candidates: Int32Array
  idf: number
  fuzzy: Map<number, number> | null
}

type AtomPlan =
  { kind: 'term'; term: TermPlan; text: string } | { kind: 'filter'; atom: FilterAtom }

interface ClausePlan {
  negated: boolean
  atoms: AtomPlan[]
}

export interface Evaluation {
  docs: number[]
  scores: number[]
  /** 1 where the case matched only thanks to typo tolerance. */
  fuzzy: number[]
  /** Normalised spellings to highlight. */
  highlight: string[]
}

export function evaluate(corpus: Corpus, query: ParsedQuery): Evaluation {
  const clauses = query.clauses.map((clause) => ({
    negated: clause.negated,
    atoms: clause.atoms.map((atom) => planAtom(corpus, atom)),
  }))
  const positiveTerms = clauses
    .filter((c) => !c.negated)
    .flatMap((c) => c.atoms)
    .filter((a): a is AtomPlan & { kind: 'term' } => a.kind === 'term')
  const highlight = [...new Set(positiveTerms.flatMap((a) => a.term.variants))]
  const hasTerms = positiveTerms.length > 0
  let result = run(corpus, clauses, hasTerms)
  const typoTerms = positiveTerms.filter((a) => !a.term.phrase && a.text.length >= 2)
  if (result.docs.length < FEW_RESULTS && typoTerms.length > 0) {
    const fuzzy = corpus.fuzzy()
    for (const { term, text } of typoTerms) {
      term.fuzzy = fuzzy.search(text)
      const extra = Int32Array.from([...term.fuzzy.keys()].sort((a, b) => a - b))
      term.candidates = union(term.candidates, extra)
    }
    result = run(corpus, clauses, hasTerms)
  }
  return { ...result, highlight }
}

function planAtom(corpus: Corpus, atom: QueryAtom): AtomPlan {
  if (atom.kind === 'filter') return { kind: 'filter', atom }
  const size = corpus.docs.length
  const inShort = new Uint8Array(size)
  const bodyCount = new Uint8Array(size)
  let candidates: Int32Array = new Int32Array(0)
  const variants: string[] = []
  const bodyMarks: Uint8Array[] = []
  for (const variant of atom.phrase ? [atom.text] : corpus.synonyms.variants(atom.text)) {
    const short = corpus.shortIndex.candidates(variant)
    const body = corpus.bodyIndex.candidates(variant)
    if (short.ids.length + body.ids.length === 0) continue
    variants.push(variant)
    const marks = new Uint8Array(size)
    bodyMarks.push(marks)
    for (let i = 0; i < short.ids.length; i++) inShort[short.ids[i]!] = 1
    for (let i = 0; i < body.ids.length; i++) {
      const n = body.ids[i]!
      marks[n] = 1
      bodyCount[n] = Math.min(255, bodyCount[n]! + body.tfs[i]!)
    }
    candidates = union(candidates, union(short.ids, body.ids))
  }
  const live = Math.max(1, corpus.liveCount)
  const term: TermPlan = {
    variants: variants.length > 0 ? variants : [atom.text],
    phrase: atom.phrase,
    needsCheck: variants.some((v) => v.length > 2),
    inShort,
    bodyCount,
    bodyMarks,
    candidates,
    // The candidate count is exact for one- and two-character words and an upper bound
    // otherwise; close enough for idf, and free.
    idf: idf(Math.min(candidates.length, live), live),
    fuzzy: null,
  }
  return { kind: 'term', term, text: atom.text }
}

function run(corpus: Corpus, clauses: ClausePlan[], hasTerms: boolean) {
  const positive = clauses.filter((c) => !c.negated)
  const negative = clauses.filter((c) => c.negated)
  let base: Int32Array | null = null
  for (const clause of positive) {
    if (!clause.atoms.every((a) => a.kind === 'term')) continue
    let set: Int32Array = new Int32Array(0)
    for (const a of clause.atoms) if (a.kind === 'term') set = union(set, a.term.candidates)
    base = base ? intersectIds(base, set) : set
  }
  const docs: number[] = []
  const scores: number[] = []
  const fuzzy: number[] = []
  const counts = new Float64Array(FIELD_COUNT)
  const lengths = new Float64Array(FIELD_COUNT)
  const newestYear = corpus.newestYear
  const consider = (n: number) => {
    const doc = corpus.docs[n]
    if (!doc) return
    let score = 0
    let viaTypo = 0
    for (let c = 0; c < positive.length; c++) {
      const atoms = positive[c]!.atoms
      let best = -1
      let bestTypo = 0
      for (let a = 0; a < atoms.length; a++) {
        const atom = atoms[a]!
        if (atom.kind === 'filter') {
          if (best < 0 && matchesFilter(doc, atom.atom, corpus.synonyms)) best = 0
          continue
        }
        const s = scoreTerm(doc, n, atom.term, counts, lengths, corpus)
        if (s >= 0) {
          if (s > best || bestTypo === 1) {
            best = s
            bestTypo = 0
          }
        } else if (best < 0 && atom.term.fuzzy !== null) {
          const similarity = atom.term.fuzzy.get(n)
          if (similarity !== undefined) {
            best = similarity * atom.term.idf
            bestTypo = 1
          }
        }
      }
      if (best < 0) return
      score += best
      viaTypo |= bestTypo
    }
    for (let c = 0; c < negative.length; c++) {
      const atoms = negative[c]!.atoms
      for (let a = 0; a < atoms.length; a++) {
        const atom = atoms[a]!
        const hit =
          atom.kind === 'filter'
            ? matchesFilter(doc, atom.atom, corpus.synonyms)
            : contains(doc, n, atom.term)
        if (hit) return
      }
    }
    docs.push(n)
    scores.push(hasTerms ? score * recencyBoost(corpus.fiscalYears[n], newestYear) : 0)
    fuzzy.push(viaTypo)
  }
  if (base) for (let i = 0; i < base.length; i++) consider(base[i]!)
  else for (let n = 0; n < corpus.docs.length; n++) consider(n)
  return { docs, scores, fuzzy }
}

/**
 * BM25 score of a word in a case, or -1 when it does not occur (the exact check). Short fields
 * are counted exactly; the body count is the index's estimate (its rarest bigram's count), which
 * spares scanning 3,000 characters per case just to rank — only presence is confirmed.
 */
function scoreTerm(
  doc: SearchDocument,
  n: number,
  term: TermPlan,
  counts: Float64Array,
  lengths: Float64Array,
  corpus: Corpus,
): number {
  let total = 0
  if (term.inShort[n] === 1) {
    for (let f = 0; f < BODY; f++) {
      const text = doc.fields[f]!
      let c = 0
      for (let v = 0; v < term.variants.length && c < TF_CAP; v++)
        c += countUpTo(text, term.variants[v]!, TF_CAP - c)
      counts[f] = c
      lengths[f] = text.length
      total += c
    }
  } else {
    // termScore reads a field's length only where the word occurs: the short texts stay untouched
    // (on 10,000 cases, loading six strings per candidate cost as much as scoring it).
    for (let f = 0; f < BODY; f++) counts[f] = 0
  }
  let inBody = term.bodyCount[n]!
  if (inBody > 0 && total === 0 && term.needsCheck && !inBodyText(doc, n, term)) inBody = 0
  counts[BODY] = Math.min(inBody, TF_CAP)
  lengths[BODY] = corpus.bodyLengths[n]!
  total += inBody
  if (total === 0) return -1
  return termScore(counts, lengths, corpus.averageLengths, term.idf)
}

/**
 * Confirms a body candidate, trying only the spellings whose bigrams the body holds. A spelling of
 * one or two characters needs no indexOf: its postings are exact, so the mark proves it.
 */
function inBodyText(doc: SearchDocument, n: number, term: TermPlan): boolean {
  const { variants, bodyMarks } = term
  for (let v = 0; v < variants.length; v++) {
    if (variants[v]!.length <= 2 && bodyMarks[v]?.[n] === 1) return true
  }
  const body = doc.fields[BODY]!
  for (let v = 0; v < variants.length; v++) {
    const variant = variants[v]!
    if (variant.length > 2 && bodyMarks[v]?.[n] === 1 && body.includes(variant)) return true
  }
  return false
}

function someIn(text: string, variants: string[]): boolean {
  for (const v of variants) if (text.includes(v)) return true
  return false
}

/** Whether any spelling occurs in the case (for exclusions), scanning only where the index says. */
function contains(doc: SearchDocument, n: number, term: TermPlan): boolean {
  const inShort = term.inShort[n] === 1
  const inBody = term.bodyCount[n]! > 0
  if (!inShort && !inBody) return false
  // Every spelling is one or two characters long: the postings are exact.
  if (!term.needsCheck) return true
  if (inShort) for (let f = 0; f < BODY; f++) if (someIn(doc.fields[f]!, term.variants)) return true
  return inBody && inBodyText(doc, n, term)
}

function matchesFilter(doc: SearchDocument, atom: FilterAtom, synonyms: SynonymTable): boolean {
  const f = doc.filter
  switch (atom.field) {
    case 'type':
      return f.partnerTypes.includes(atom.value)
    case 'tag':
      return f.tags.some((tag) => synonyms.same(tag, atom.value))
    case 'dept':
      return f.department.includes(atom.value)
    case 'area':
      return f.area.includes(atom.value)
    case 'status':
      return f.status === atom.value
    case 'form':
      return f.forms.some((form) => form.includes(atom.value))
    case 'year':
      return f.fiscalYear !== undefined && f.fiscalYear >= atom.from && f.fiscalYear <= atom.to
    case 'elem':
      return matchesElementRange(f.elements, atom.range)
  }
}
