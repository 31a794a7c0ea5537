import { NgramIndex } from './ngram-index'
import { decodePostings, encodePostings } from './posting-codec'
import type { Postings } from './posting-list'
import { FIELD_COUNT, type SearchDocument } from './search-document'

/**
 * Version of what a snapshot holds. Bump it whenever normalisation, the document fields or the
 * index layout change: an old snapshot is then ignored and rebuilt, never misread.
 */
const SNAPSHOT_KIND = 'kyodo-kb/search-index'
const SNAPSHOT_VERSION = 4

/** One n-gram index: keys (unigram code unit, or 65536 + first * 65536 + second) and postings. */
interface IndexData {
  keys: number[]
  lengths: number[]
  /** encodePostings of every list, base64: one string parses far faster than millions of numbers. */
  ids: string
  /** The counts of every list, one byte each, base64. */
  tfs: string
}

type DocumentWithoutText = Omit<SearchDocument, 'title' | 'summary' | 'body' | 'fields'>

/** Texts of a document in the order they are concatenated into `texts`. */
const TEXTS_PER_DOC = 3 + FIELD_COUNT

/**
 * The engine's state as JSON-ready data: the documents, the postings, and every text (original
 * and normalised) concatenated into one string. One string, because it is most of the bytes: the
 * cache can store it as raw UTF-16 and load it without JSON parsing or UTF-8 decoding.
 */
export interface IndexSnapshot {
  kind: typeof SNAPSHOT_KIND
  version: number
  indexes: IndexData[]
  docs: DocumentWithoutText[]
  /** TEXTS_PER_DOC lengths per document: title, summary, body, then the normalised fields. */
  textLengths: number[]
  texts: string
}

export function writeIndexSnapshot(docs: SearchDocument[], indexes: NgramIndex[]): IndexSnapshot {
  const textLengths: number[] = []
  const texts: string[] = []
  const rest = docs.map(({ title, summary, body, fields, ...other }) => {
    for (const text of [title, summary, body, ...fields]) {
      texts.push(text)
      textLengths.push(text.length)
    }
    return other
  })
  return {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    indexes: indexes.map(writeIndex),
    docs: rest,
    textLengths,
    texts: texts.join(''),
  }
}

function writeIndex(index: NgramIndex): IndexData {
  const { unigrams, bigrams } = index.entries()
  const entries = [...unigrams, ...bigrams.map(([k, v]): [number, Postings] => [k + 0x10000, v])]
  const tfs = Buffer.alloc(entries.reduce((sum, [, p]) => sum + p.tfs.length, 0))
  let at = 0
  for (const [, p] of entries) {
    tfs.set(p.tfs, at)
    at += p.tfs.length
  }
  return {
    keys: entries.map(([key]) => key),
    lengths: entries.map(([, p]) => p.ids.length),
    ids: Buffer.from(encodePostings(entries.map(([, p]) => p.ids))).toString('base64'),
    tfs: tfs.toString('base64'),
  }
}

export function readIndexSnapshot(
  data: unknown,
): { docs: SearchDocument[]; indexes: NgramIndex[] } | null {
  if (typeof data !== 'object' || data === null) return null
  const s = data as Partial<IndexSnapshot>
  if (s.kind !== SNAPSHOT_KIND || s.version !== SNAPSHOT_VERSION) return null
  if (!Array.isArray(s.docs) || !Array.isArray(s.indexes) || !Array.isArray(s.textLengths))
    return null
  if (typeof s.texts !== 'string' || s.textLengths.length !== s.docs.length * TEXTS_PER_DOC)
    return null
  let at = 0
  const docs: unknown[] = []
  for (let d = 0; d < s.docs.length; d++) {
    const texts: string[] = []
    for (let t = 0; t < TEXTS_PER_DOC; t++) {
      const length = s.textLengths[d * TEXTS_PER_DOC + t]!
      if (!Number.isInteger(length) || length < 0) return null
      texts.push(s.texts.slice(at, (at += length)))
    }
    const [title, summary, body, ...fields] = texts
    docs.push({ ...s.docs[d], title, summary, body, fields })
  }
  if (at !== s.texts.length || !docs.every(isSearchDocument)) return null
  const indexes: NgramIndex[] = []
  for (const index of s.indexes as unknown[]) {
    const read = readIndex(index, docs.length)
    if (!read) return null
    indexes.push(read)
  }
  return { docs, indexes }
}

function readIndex(data: unknown, docCount: number): NgramIndex | null {
  const d = data as Partial<IndexData> | null
  if (!d || !Array.isArray(d.keys) || !Array.isArray(d.lengths)) return null
  if (typeof d.ids !== 'string' || typeof d.tfs !== 'string' || d.keys.length !== d.lengths.length)
    return null
  const lists = decodePostings(Buffer.from(d.ids, 'base64'), d.lengths)
  const tfs = Buffer.from(d.tfs, 'base64')
  if (!lists) return null
  if (lists.some((list) => list.length > 0 && list[list.length - 1]! >= docCount)) return null
  if (tfs.length !== lists.reduce((sum, list) => sum + list.length, 0)) return null
  const unigrams: [number, Postings][] = []
  const bigrams: [number, Postings][] = []
  let at = 0
  d.keys.forEach((key, i) => {
    const ids = lists[i]!
    const postings = { ids, tfs: new Uint8Array(tfs.subarray(at, (at += ids.length))) }
    if (key < 0x10000) unigrams.push([key, postings])
    else bigrams.push([key - 0x10000, postings])
  })
  return NgramIndex.fromEntries({ unigrams, bigrams })
}

/** A light shape check: enough that a damaged or foreign file cannot crash a query. */
function isSearchDocument(value: unknown): value is SearchDocument {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Partial<SearchDocument>
  return (
    typeof d.id === 'string' &&
    typeof d.title === 'string' &&
    typeof d.summary === 'string' &&
    typeof d.body === 'string' &&
    typeof d.updatedAt === 'string' &&
    Array.isArray(d.fields) &&
    d.fields.length === FIELD_COUNT &&
    d.fields.every((f) => typeof f === 'string') &&
    typeof d.filter === 'object' &&
    d.filter !== null &&
    Array.isArray(d.filter.partnerTypes) &&
    Array.isArray(d.filter.tags) &&
    Array.isArray(d.filter.forms) &&
    Array.isArray(d.filter.elements) &&
    typeof d.facets === 'object' &&
    d.facets !== null &&
    Array.isArray(d.facets.partnerTypes) &&
    Array.isArray(d.facets.tags) &&
    Array.isArray(d.facets.forms)
  )
}
