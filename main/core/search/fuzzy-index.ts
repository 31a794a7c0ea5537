import Fuse from 'fuse.js'
import { LIST_SEPARATOR, type SearchDocument } from './search-document'

/** Fuse's threshold (0 = exact, 1 = anything); one wrong character in four passes. */
const FUZZY_THRESHOLD = 0.34
/** Entries handed to Fuse per word, after the cheap character-overlap pre-filter. */
const MAX_FUSE_INPUT = 400
const MAX_RESULTS = 50

interface Entry {
  text: string
  docs: number[]
}

/**
 * Typo tolerance for the short fields (title, tags, partner names, 担当課) with fuse.js, so a
 * misspelt or half-remembered name (防災訓連, ぼうさいくんれん) still finds the case. Fuse run
 * over 10,000 titles takes ~50 ms per word, far over the budget, so the distinct values are
 * first narrowed to those sharing most of the word's characters (a character index, as cheap as
 * a few array walks) and Fuse scores only those.
 */
export class FuzzyIndex {
  private readonly entries: Entry[] = []
  private readonly byChar = new Map<number, number[]>()

  constructor(docs: readonly (SearchDocument | undefined)[]) {
    const byText = new Map<string, Entry>()
    docs.forEach((doc, n) => {
      if (!doc) return
      const values = [
        doc.fields[0]!,
        ...doc.fields[1]!.split(LIST_SEPARATOR),
        ...doc.fields[2]!.split(LIST_SEPARATOR),
        doc.fields[3]!,
      ]
      for (const text of values) {
        if (!text) continue
        let entry = byText.get(text)
        if (!entry) byText.set(text, (entry = { text, docs: [] }))
        if (entry.docs.at(-1) !== n) entry.docs.push(n)
      }
    })
    for (const entry of byText.values()) {
      const e = this.entries.push(entry) - 1
      for (const c of new Set(entry.text)) {
        const code = c.charCodeAt(0)
        let list = this.byChar.get(code)
        if (!list) this.byChar.set(code, (list = []))
        list.push(e)
      }
    }
  }

  /**
   * Documents whose short fields nearly contain `term` (normalised), with a similarity in (0, 1]
   * (1 = exact). Words shorter than two characters have no meaningful typo.
   */
  search(term: string): Map<number, number> {
    const found = new Map<number, number>()
    const chars = [...new Set(term)]
    if (term.length < 2) return found
    const overlap = new Map<number, number>()
    for (const c of chars) {
      for (const e of this.byChar.get(c.charCodeAt(0)) ?? [])
        overlap.set(e, (overlap.get(e) ?? 0) + 1)
    }
    // A typo changes a character or two; entries sharing fewer cannot be within the threshold.
    const needed = Math.max(1, chars.length - Math.max(1, Math.floor(chars.length / 3)))
    const input = [...overlap]
      .filter(([, n]) => n >= needed)
      .sort(
        (a, b) => b[1] - a[1] || this.entries[a[0]]!.text.length - this.entries[b[0]]!.text.length,
      )
      .slice(0, MAX_FUSE_INPUT)
      .map(([e]) => this.entries[e]!)
    if (input.length === 0) return found
    const fuse = new Fuse(input, {
      keys: ['text'],
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
      includeScore: true,
    })
    for (const result of fuse.search(term, { limit: MAX_RESULTS })) {
      const similarity = 1 - (result.score ?? 1)
      for (const doc of result.item.docs) {
        if ((found.get(doc) ?? 0) < similarity) found.set(doc, Math.max(similarity, 0.01))
      }
    }
    return found
  }
}
