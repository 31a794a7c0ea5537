import { FrozenPostings } from './frozen-postings'
import { NO_POSTINGS, PostingList, intersect, type Postings } from './posting-list'

/** Key of a unigram: its code unit; of a bigram: above every unigram (see `entries`). */
export const BIGRAM_BASE = 0x10000

/**
 * An inverted index of every character (unigram) and every pair of adjacent characters (bigram)
 * of the normalised text, by UTF-16 code unit. It only narrows the candidates: a document holding
 * all bigrams of a term may still not hold the term, so the caller verifies with `indexOf`. Why
 * bigrams and not words or trigrams: Japanese has no spaces to split words on, and the most
 * common search words (協働, 防災, 子育て) are two characters long, which a trigram index cannot
 * find. Unigrams give one-character queries (市, 森) the same full recall.
 */
export class NgramIndex {
  /**
   * The postings read from an index file (decoded per query), or null for an index built in
   * memory. Documents added later get higher numbers than any in the file, so a key's list is the
   * file's list followed by the one built here.
   */
  private base: FrozenPostings | null = null
  private unigrams: (PostingList | undefined)[] = new Array<PostingList | undefined>(0x10000)
  /** bigrams[first code unit] maps the second code unit to its postings. */
  private bigrams: (Map<number, PostingList> | undefined)[] = new Array<
    Map<number, PostingList> | undefined
  >(0x10000)

  /** Adds document number `doc`, which must be larger than every number added before. */
  add(doc: number, texts: readonly string[]): void {
    for (const text of texts) {
      let previous = -1
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        let uni = this.unigrams[c]
        if (!uni) uni = this.unigrams[c] = new PostingList()
        uni.push(doc)
        if (previous !== -1) {
          let second = this.bigrams[previous]
          if (!second) second = this.bigrams[previous] = new Map()
          let list = second.get(c)
          if (!list) second.set(c, (list = new PostingList()))
          list.push(doc)
        }
        previous = c
      }
    }
  }

  trim(): void {
    for (const list of this.unigrams) list?.trim()
    for (const second of this.bigrams) second?.forEach((list) => list.trim())
  }

  /**
   * Documents that may contain `term` (every one that does is among them; for one or two
   * characters exactly those), each with an upper bound of how often it occurs.
   */
  candidates(term: string): Postings {
    if (term.length === 0) return NO_POSTINGS
    if (term.length === 1) return this.lookup(term.charCodeAt(0), -1) ?? NO_POSTINGS
    const lists: Postings[] = []
    for (let i = 1; i < term.length; i++) {
      const list = this.lookup(term.charCodeAt(i - 1), term.charCodeAt(i))
      if (!list) return NO_POSTINGS
      lists.push(list)
    }
    lists.sort((a, b) => a.ids.length - b.ids.length)
    let result = lists[0]!
    for (let i = 1; i < lists.length && result.ids.length > 0; i++)
      result = intersect(result, lists[i]!)
    return result
  }

  /** One key's postings: the file's list, then the documents added since (unigram: second = -1). */
  private lookup(first: number, second: number): Postings | null {
    const built = second < 0 ? this.unigrams[first] : this.bigrams[first]?.get(second)
    const stored = this.base?.get(second < 0 ? first : BIGRAM_BASE + first * 0x10000 + second)
    if (!stored) return built?.view() ?? null
    if (!built || built.length === 0) return stored
    const tail = built.view()
    const ids = new Int32Array(stored.ids.length + tail.ids.length)
    ids.set(stored.ids)
    ids.set(tail.ids, stored.ids.length)
    const tfs = new Uint8Array(ids.length)
    tfs.set(stored.tfs)
    tfs.set(tail.tfs, stored.tfs.length)
    return { ids, tfs }
  }

  /** An index whose postings so far are those of a file; `add` continues after them. */
  static fromFrozen(base: FrozenPostings): NgramIndex {
    const index = new NgramIndex()
    index.base = base
    return index
  }
}
