import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildFrozenPostings } from '../../../main/core/search/bulk-postings'
import { FrozenPostings } from '../../../main/core/search/frozen-postings'
import { BIGRAM_BASE, NgramIndex } from '../../../main/core/search/ngram-index'
import { TF_CAP } from '../../../main/core/search/ranking'

/**
 * The cold build's postings (bulk-postings.ts) must be exactly those that adding the same
 * documents to an in-memory NgramIndex gives, key by key: same documents, counts capped at
 * TF_CAP as the file stores them. Characters come from a small alphabet (so keys repeat across
 * documents and counts pass the cap) plus code units above 0x8000 and a surrogate pair (bigram
 * codes that are negative as signed 32-bit numbers must still sort last).
 */
const ALPHABET = ['あ', 'い', '協', '働', 'a', ' ', '\uff71', '\u9fff', '🌸']
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((cs) => cs.join(''))
const documents = fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 30 })

function keysOf(docs: string[][]): number[] {
  const keys = new Set<number>()
  for (const texts of docs) {
    for (const t of texts) {
      for (let i = 0; i < t.length; i++) {
        keys.add(t.charCodeAt(i))
        if (i > 0) keys.add(BIGRAM_BASE + t.charCodeAt(i - 1) * 0x10000 + t.charCodeAt(i))
      }
    }
  }
  return [...keys].sort((a, b) => a - b)
}

/** The 1- or 2-character term of a key, for asking the in-memory index. */
function termOf(key: number): string {
  if (key < BIGRAM_BASE) return String.fromCharCode(key)
  const code = key - BIGRAM_BASE
  return String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)
}

describe('bulk postings (cold build)', () => {
  it('equal the in-memory index key by key, for any documents', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const memory = new NgramIndex()
        docs.forEach((texts, n) => memory.add(n, texts))
        const data = buildFrozenPostings(docs.length, (n) => docs[n]!)
        expect(FrozenPostings.check(data, docs.length)).toBe(true)
        const keys = keysOf(docs)
        expect([...data.keys]).toEqual(keys)
        const frozen = new FrozenPostings(data)
        for (const key of keys) {
          const expected = memory.candidates(termOf(key))
          const got = frozen.get(key)!
          expect([...got.ids]).toEqual([...expected.ids])
          expect([...got.tfs]).toEqual([...expected.tfs].map((tf) => Math.min(tf, TF_CAP)))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('stays equal past the sizes where its tables grow (≈100,000 distinct bigrams)', () => {
    let seed = 7
    const random = () => (seed = (Math.imul(seed, 48271) + 1) >>> 0) / 2 ** 32
    // 400 kanji in random order: most of the 160,000 possible pairs occur once or twice.
    const docs = Array.from({ length: 40 }, () => [
      Array.from({ length: 5_000 }, () =>
        String.fromCharCode(0x4e00 + Math.floor(random() * 400)),
      ).join(''),
    ])
    const memory = new NgramIndex()
    docs.forEach((texts, n) => memory.add(n, texts))
    const data = buildFrozenPostings(docs.length, (n) => docs[n]!)
    const keys = keysOf(docs)
    expect(keys.length).toBeGreaterThan(65_536)
    expect([...data.keys]).toEqual(keys)
    const frozen = new FrozenPostings(data)
    for (const key of keys) {
      const expected = memory.candidates(termOf(key))
      expect([...frozen.get(key)!.ids]).toEqual([...expected.ids])
    }
  })

  it('never joins the last character of one text to the first of the next', () => {
    const data = buildFrozenPostings(1, () => ['協', '働'])
    expect(new FrozenPostings(data).get(BIGRAM_BASE + 0x5354 * 0x10000 + 0x50cd)).toBeNull()
    expect([...data.keys]).toEqual(['働'.charCodeAt(0), '協'.charCodeAt(0)].sort((a, b) => a - b))
  })

  it('builds an empty index for no documents', () => {
    const data = buildFrozenPostings(0, () => [])
    expect(data.keys.length).toBe(0)
    expect(FrozenPostings.check(data, 0)).toBe(true)
  })
})
