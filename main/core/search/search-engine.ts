import type { CaseDoc, SearchOptions, SearchResult } from '../../../common/model'
import type { LoadedIndexFile } from './index-file'
import { FacetTable } from './facets'
import { FuzzyIndex } from './fuzzy-index'
import { HitSnippets } from './hit-snippets'
import { NgramIndex } from './ngram-index'
import { evaluate, type Corpus, type Evaluation } from './query-evaluator'
import { parseQuery } from './query-parser'
import { FIELD_COUNT, BODY, toSearchDocument, type SearchDocument } from './search-document'
import { SynonymTable } from './synonyms'

const DEFAULT_LIMIT = 50
/** Scores closer than this rank as equal (then the more recently updated case comes first). */
const SCORE_RESOLUTION = 10_000

/**
 * The full-text index of one library's cases, kept in memory: build it once, keep it current
 * with upsert/remove on every save and delete, and query it synchronously (a query over 10,000
 * cases is meant to take well under 20 ms, so the UI can search as the user types; see
 * scripts/bench).
 *
 * Matching is exact on normalised text (see normalize.ts): an n-gram index narrows the
 * candidates and `indexOf` confirms them, so a word of any length (even one character) is found
 * wherever it occurs. fuse.js adds typo-tolerant matches on the short fields only when exact
 * matching finds almost nothing. The query language is described in query-parser.ts.
 */
export class SearchEngine {
  private docs: (SearchDocument | undefined)[] = []
  private readonly byId = new Map<string, number>()
  private shortIndex = new NgramIndex()
  private bodyIndex = new NgramIndex()
  private readonly facetTable = new FacetTable()
  /**
   * The facet value numbers of document n are facetValues[facetEnds[n - 1] .. facetEnds[n]) (from 0
   * for n = 0): one flat array, so counting the facets of 10,000 results reads memory in a few
   * long runs instead of 10,000 small arrays scattered over the heap.
   */
  private facetValues: number[] = []
  private facetEnds: number[] = []
  /** Per document number, its id (for the result's id list without loading each document). */
  private docIds: string[] = []
  /** Per document number: the body's normalised length and the 年度, read for every candidate. */
  private bodyLengths: number[] = []
  private fiscalYears: (number | undefined)[] = []
  /** Position of each document number in the 'updated' order (newest first), for sorting. */
  private updatedRank: Int32Array | null = null
  private synonyms: SynonymTable
  private fuzzyIndex: FuzzyIndex | null = null
  private readonly fieldTotals = new Float64Array(FIELD_COUNT)
  private newestYear = -Infinity
  private newestYearStale = false
  /** Titles and snippets of the hits shown, from the original bodies of an index file if any. */
  private snippets = new HitSnippets(null)

  private constructor(synonyms: readonly (readonly string[])[]) {
    this.synonyms = new SynonymTable(synonyms)
  }

  static build(docs: CaseDoc[], options: { synonyms: string[][] }): SearchEngine {
    const engine = new SearchEngine(options.synonyms)
    for (const doc of docs) engine.upsert(doc)
    engine.shortIndex.trim()
    engine.bodyIndex.trim()
    return engine
  }

  /** Adds a case, or replaces the indexed version of it. */
  upsert(doc: CaseDoc): void {
    this.removeNumber(this.byId.get(doc.meta.id))
    this.append(toSearchDocument(doc))
    this.compactIfSparse()
  }

  remove(id: string): void {
    this.removeNumber(this.byId.get(id))
    this.byId.delete(id)
    this.compactIfSparse()
  }

  /** Synonyms apply at query time, so changing them needs no re-indexing. */
  setSynonyms(synonyms: string[][]): void {
    this.synonyms = new SynonymTable(synonyms)
  }

  get size(): number {
    return this.byId.size
  }

  query(query: string, options: SearchOptions = {}): SearchResult {
    const started = performance.now()
    const evaluation = evaluate(this.corpus(), parseQuery(query))
    const order = this.order(evaluation, options.sort ?? 'relevance')
    const offset = Math.max(0, Math.floor(options.offset ?? 0))
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT))
    const hits = order
      .slice(offset, offset + limit)
      .map((i) =>
        this.snippets.hit(
          this.docs[evaluation.docs[i]!]!,
          evaluation.scores[i]!,
          evaluation.highlight,
        ),
      )
    const facets = this.facetTable.count(evaluation.docs, this.facetValues, this.facetEnds)
    return {
      total: order.length,
      hits,
      ids: this.idsOf(evaluation.docs, order),
      facets,
      ms: Math.round((performance.now() - started) * 100) / 100,
    }
  }

  /**
   * The engine over a loaded index file: documents and postings as read, original bodies left on
   * disk. Cases saved afterwards are added on top (upsert), exactly as in a built engine.
   */
  static fromIndexFile(file: LoadedIndexFile, options: { synonyms: string[][] }): SearchEngine {
    const engine = new SearchEngine(options.synonyms)
    for (const doc of file.docs) engine.append(doc, false)
    engine.shortIndex = NgramIndex.fromFrozen(file.postings[0]!)
    engine.bodyIndex = NgramIndex.fromFrozen(file.postings[1]!)
    engine.snippets = new HitSnippets(file.bodies)
    return engine
  }

  /** Ids of the indexed cases. */
  ids(): string[] {
    return [...this.byId.keys()]
  }

  /** The live documents in number order (for writing an index file). */
  documents(): SearchDocument[] {
    return this.docs.filter((d): d is SearchDocument => d !== undefined)
  }

  /** Releases the index file the engine reads original bodies from. */
  close(): void {
    this.snippets.close()
  }

  private corpus(): Corpus {
    if (this.newestYearStale) {
      this.newestYear = -Infinity
      for (const doc of this.docs) this.noteYear(doc?.filter.fiscalYear)
      this.newestYearStale = false
    }
    const live = Math.max(1, this.byId.size)
    return {
      docs: this.docs,
      shortIndex: this.shortIndex,
      bodyIndex: this.bodyIndex,
      synonyms: this.synonyms,
      liveCount: this.byId.size,
      averageLengths: Array.from(this.fieldTotals, (total) => total / live),
      bodyLengths: this.bodyLengths,
      fiscalYears: this.fiscalYears,
      newestYear: this.newestYear,
      fuzzy: () => (this.fuzzyIndex ??= new FuzzyIndex(this.docs)),
    }
  }

  /** Result positions in display order. */
  private order(evaluation: Evaluation, sort: NonNullable<SearchOptions['sort']>): number[] {
    const { docs, scores, fuzzy } = evaluation
    const rank = this.updatedOrder()
    if (sort === 'year') {
      const year = (i: number) => this.docs[docs[i]!]!.filter.fiscalYear ?? -1
      return Array.from(docs, (_, i) => i).sort(
        (a, b) =>
          year(b) - year(a) ||
          fuzzy[a]! - fuzzy[b]! ||
          scores[b]! - scores[a]! ||
          rank[docs[a]!]! - rank[docs[b]!]!,
      )
    }
    // One float per result (exact tier, score, then the 'updated' place, which is unique and so
    // names the result) sorted natively: a comparator sort of 10,000 results costs milliseconds.
    const rankBits = Math.max(1, Math.ceil(Math.log2(this.docs.length + 1)))
    const rankRange = 2 ** rankBits
    const scoreRange = 2 ** (52 - rankBits)
    const keys = new Float64Array(docs.length)
    for (let i = 0; i < docs.length; i++) {
      const r = rank[docs[i]!]!
      if (sort === 'updated') keys[i] = r
      else {
        const q = Math.min(scoreRange / 2 - 1, Math.round(scores[i]! * SCORE_RESOLUTION))
        const s = (fuzzy[i] ? 0 : scoreRange / 2) + q
        keys[i] = (scoreRange - 1 - s) * rankRange + r
      }
    }
    keys.sort()
    const positionOfRank = new Int32Array(rankRange)
    for (let i = 0; i < docs.length; i++) positionOfRank[rank[docs[i]!]!] = i
    const order = new Array<number>(keys.length)
    for (let i = 0; i < keys.length; i++) order[i] = positionOfRank[keys[i]! % rankRange]!
    return order
  }

  private idsOf(docs: number[], order: number[]): string[] {
    const ids = new Array<string>(order.length)
    for (let i = 0; i < order.length; i++) ids[i] = this.docIds[docs[order[i]!]!]!
    return ids
  }

  /** Every document number's place when sorted by updatedAt (newest first), then id. */
  private updatedOrder(): Int32Array {
    if (this.updatedRank) return this.updatedRank
    const numbers = this.docs.flatMap((doc, n) => (doc ? [n] : []))
    numbers.sort((a, b) => {
      const x = this.docs[a]!
      const y = this.docs[b]!
      return x.updatedAt < y.updatedAt ? 1 : x.updatedAt > y.updatedAt ? -1 : x.id < y.id ? -1 : 1
    })
    const rank = new Int32Array(this.docs.length)
    numbers.forEach((n, i) => (rank[n] = i))
    return (this.updatedRank = rank)
  }

  private append(doc: SearchDocument, index = true): void {
    const n = this.docs.push(doc) - 1
    this.byId.set(doc.id, n)
    doc.fields.forEach((text, f) => (this.fieldTotals[f] = this.fieldTotals[f]! + text.length))
    this.noteYear(doc.filter.fiscalYear)
    for (const value of this.facetTable.idsOf(doc)) this.facetValues.push(value)
    this.facetEnds[n] = this.facetValues.length
    this.docIds[n] = doc.id
    this.bodyLengths[n] = doc.fields[BODY]!.length
    this.fiscalYears[n] = doc.filter.fiscalYear
    if (index) {
      this.shortIndex.add(n, doc.fields.slice(0, BODY))
      this.bodyIndex.add(n, [doc.fields[BODY]!])
    }
    this.fuzzyIndex = null
    this.updatedRank = null
  }

  private removeNumber(n: number | undefined): void {
    const doc = n === undefined ? undefined : this.docs[n]
    if (n === undefined || !doc) return
    this.docs[n] = undefined
    this.updatedRank = null
    doc.fields.forEach((text, f) => (this.fieldTotals[f] = this.fieldTotals[f]! - text.length))
    if (doc.filter.fiscalYear === this.newestYear) this.newestYearStale = true
    this.fuzzyIndex = null
  }

  private noteYear(year: number | undefined): void {
    if (year !== undefined && year > this.newestYear) this.newestYear = year
  }

  /**
   * Removed and replaced cases leave dead numbers in the postings (skipped at query time); once
   * they outnumber the live ones, renumbering and re-indexing is cheaper than skipping them.
   */
  private compactIfSparse(): void {
    const dead = this.docs.length - this.byId.size
    if (dead > 64 && dead > this.byId.size) this.compact()
  }

  private compact(): void {
    if (this.docs.length === this.byId.size) return
    const live = this.docs.filter((d): d is SearchDocument => d !== undefined)
    this.docs = []
    this.facetValues = []
    this.facetEnds = []
    this.docIds = []
    this.bodyLengths = []
    this.fiscalYears = []
    this.byId.clear()
    this.fieldTotals.fill(0)
    this.shortIndex = new NgramIndex()
    this.bodyIndex = new NgramIndex()
    for (const doc of live) this.append(doc)
    this.shortIndex.trim()
    this.bodyIndex.trim()
  }
}
