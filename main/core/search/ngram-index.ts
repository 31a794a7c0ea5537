import { NO_POSTINGS, PostingList, intersect, type Postings } from './posting-list'

/**
 * An inverted index of every character (unigram) and every pair of adjacent characters (bigram)
 * of the normalised text, by UTF-16 code unit. It only narrows the candidates: a document holding
 * all bigrams of a term may still not hold the term, so the caller verifies with `indexOf`. Why
 * bigrams and not words or trigrams: Japanese has no spaces to split words on, and the most
 * common search words (協働, 防災, 子育て) are two characters long, which a trigram index cannot
 * find. Unigrams give one-character queries (市, 森) the same full recall.
 */
export class NgramIndex {
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
    if (term.length === 1) return this.unigrams[term.charCodeAt(0)]?.view() ?? NO_POSTINGS
    const lists: Postings[] = []
    for (let i = 1; i < term.length; i++) {
      const list = this.bigrams[term.charCodeAt(i - 1)]?.get(term.charCodeAt(i))
      if (!list) return NO_POSTINGS
      lists.push(list.view())
    }
    lists.sort((a, b) => a.ids.length - b.ids.length)
    let result = lists[0]!
    for (let i = 1; i < lists.length && result.ids.length > 0; i++)
      result = intersect(result, lists[i]!)
    return result
  }

  /** Entries for the cache: [key, postings] with key = code unit, or first * 65536 + second. */
  entries(): { unigrams: [number, Postings][]; bigrams: [number, Postings][] } {
    const unigrams: [number, Postings][] = []
    const bigrams: [number, Postings][] = []
    this.unigrams.forEach((list, c) => {
      if (list) unigrams.push([c, list.view()])
    })
    this.bigrams.forEach((second, first) =>
      second?.forEach((list, c) => bigrams.push([first * 0x10000 + c, list.view()])),
    )
    return { unigrams, bigrams }
  }

  static fromEntries(data: {
    unigrams: [number, Postings][]
    bigrams: [number, Postings][]
  }): NgramIndex {
    const index = new NgramIndex()
    for (const [c, p] of data.unigrams) index.unigrams[c] = PostingList.of(p.ids, p.tfs)
    for (const [key, p] of data.bigrams) {
      const first = Math.floor(key / 0x10000)
      let second = index.bigrams[first]
      if (!second) second = index.bigrams[first] = new Map()
      second.set(key % 0x10000, PostingList.of(p.ids, p.tfs))
    }
    return index
  }
}
