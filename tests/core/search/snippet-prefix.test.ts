import { describe, expect, it } from 'vitest'
import { FoldCheckpoints } from '../../../main/core/search/fold-checkpoints'
import { normalizeText } from '../../../main/core/search/normalize'
import { passages, type TextPrefix } from '../../../main/core/search/snippets'

/** A body that reads from a string as the engine reads from the index file, noting each read. */
function prefixSource(text: string, reads: number[]): TextPrefix {
  return (chars) => {
    reads.push(chars)
    return { text: text.slice(0, chars), complete: chars >= text.length }
  }
}

/** Prose with every kind of character that folds to more, fewer or combined characters. */
function body(seed: number, length: number): string {
  const pieces = [
    '協働の取り組みを続ける。',
    'コンピューター ー ーー ',
    'ｶﾞｲﾄﾞとｶﾞｲﾄﾞ',
    '人々と　こゝろ ',
    '㈱テスト①',
    '葛󠄀飾区の🌸まつり',
    'か\u3099き\u3099',
    '\n\n二行目の説明。',
    'ＡＢＣ full-width ',
    '                ',
  ]
  let out = ''
  let s = seed
  while (out.length < length) {
    s = (s * 48271) % 2147483647
    out += pieces[s % pieces.length]
  }
  return out
}

describe('passages from a body read in part', () => {
  it('cuts exactly the passages of the whole text, reading less than all of it when it can', () => {
    let partial = 0
    let fallbacks = 0
    for (let seed = 1; seed <= 60; seed++) {
      const text = body(seed, 3000)
      const normalized = normalizeText(text)
      // Words drawn from the text itself, near its start, middle or end.
      const at = Math.floor((((seed * 7919) % 1000) / 1000) * (normalized.length - 4))
      const terms = [normalized.slice(at, at + 1 + (seed % 3)), normalizeText('協働')]
      const checkpoints = new FoldCheckpoints()
      for (let round = 0; round < 2; round++) {
        const reads: number[] = []
        const expected = passages(text, normalized, terms, 3)
        const got = passages(prefixSource(text, reads), normalized, terms, 3, checkpoints)
        expect(got, `seed ${seed} round ${round}`).toEqual(expected)
        if (reads[0]! < text.length) partial++
        if (reads.includes(Infinity)) fallbacks++
      }
    }
    expect(partial).toBeGreaterThan(20)
    expect(fallbacks).toBeGreaterThan(0)
  })

  it('does not read a body in which nothing matches', () => {
    const reads: number[] = []
    const text = body(3, 500)
    expect(passages(prefixSource(text, reads), normalizeText(text), ['存在しない'], 3)).toEqual([])
    expect(reads).toEqual([])
  })
})
