import { describe, expect, it } from 'vitest'
import { FoldCheckpoints } from '../../../main/core/search/fold-checkpoints'
import { locate, normalizeText, normalizeWithMap } from '../../../main/core/search/normalize'

describe('normalizeText', () => {
  it('folds full-width letters and digits to half-width (全角/半角)', () => {
    expect(normalizeText('ＮＰＯ法人２０２３')).toBe(normalizeText('NPO法人2023'))
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123')
  })

  it('folds case (NPO = npo = Npo)', () => {
    expect(normalizeText('NPO')).toBe('npo')
    expect(normalizeText('Code for Kasumino')).toBe('code for kasumino')
  })

  it('turns half-width katakana into the same text as full-width, voiced marks included (ｶﾞｲﾄﾞ = ガイド)', () => {
    expect(normalizeText('ｶﾞｲﾄﾞ')).toBe(normalizeText('ガイド'))
    expect(normalizeText('ﾎﾞﾗﾝﾃｨｱ')).toBe(normalizeText('ボランティア'))
    expect(normalizeText('ﾊﾟﾝ')).toBe(normalizeText('パン'))
  })

  it('folds katakana to hiragana but keeps dakuten and handakuten (ガ → が, never か)', () => {
    expect(normalizeText('ボランティア')).toBe('ぼらんてぃあ')
    expect(normalizeText('ガ')).toBe('が')
    expect(normalizeText('ガ')).not.toBe(normalizeText('カ'))
    expect(normalizeText('パ')).toBe('ぱ')
    expect(normalizeText('パ')).not.toBe(normalizeText('ハ'))
    // A decomposed が (か + combining mark) is the same word too.
    expect(normalizeText('か\u3099')).toBe('が')
  })

  it('drops the long-vowel mark in documents and queries alike (コンピューター = コンピュータ)', () => {
    expect(normalizeText('コンピューター')).toBe(normalizeText('コンピュータ'))
    expect(normalizeText('ｻｰﾊﾞｰ')).toBe(normalizeText('サーバ'))
    expect(normalizeText('センター長').includes(normalizeText('センター'))).toBe(true)
  })

  it('spells out iteration marks (人々 = 人人, こゝろ = こころ, いすゞ = いすず)', () => {
    expect(normalizeText('人々')).toBe(normalizeText('人人'))
    expect(normalizeText('佐々木')).toBe('佐佐木')
    expect(normalizeText('こゝろ')).toBe('こころ')
    expect(normalizeText('いすゞ')).toBe('いすず')
  })

  it('collapses whitespace, including the ideographic space, to one space', () => {
    expect(normalizeText('防災\u3000\n\n訓練')).toBe('防災 訓練')
  })

  it('is idempotent, so a normalised query normalises to itself', () => {
    const text = 'ＮＰＯ法人ｶﾞｲﾄﾞの人々とコンピューター'
    expect(normalizeText(normalizeText(text))).toBe(normalizeText(text))
  })
})

describe('normalizeWithMap', () => {
  it('maps every normalised character back to the original text it came from', () => {
    const original = 'ｶﾞｲﾄﾞとコンピューター'
    const map = normalizeWithMap(original)
    expect(map.text).toBe(normalizeText(original))
    const at = map.text.indexOf('こんぴゅた')
    // The last ー produced no character, so a match ends before it.
    expect(original.slice(map.start[at]!, map.end[at + 4]!)).toBe('コンピュータ')
    expect(original.slice(map.start[0]!, map.end[0]!)).toBe('ｶﾞ')
  })
})

describe('locate', () => {
  it('finds the same original ranges as normalizeWithMap, without building the map', () => {
    for (const original of [
      'ｶﾞｲﾄﾞとコンピューター',
      '人々と  こゝろ、いすゞ ㈱テスト　全角ＡＢＣ',
      '葛󠄀飾区の🌸まつり\n\n二行目',
      '',
      'か\u3099キ\u309aｶﾞ々人々 ー ー  ヽゝ学ゞ\u3000\n e\u0301',
      everyCharacterOf(
        [0x20, 0x7f],
        [0xa0, 0x17f],
        [0x2000, 0x206f],
        [0x3000, 0x30ff],
        [0xff00, 0xffef],
      ),
      everyCharacterOf([0x4e00, 0x4fff], [0xf900, 0xfaff], [0x3300, 0x33ff]),
    ]) {
      const map = normalizeWithMap(original)
      const wanted = Array.from({ length: map.text.length + 2 }, (_, i) => i)
      const found = locate(original, wanted)
      for (const i of wanted) {
        expect([found.start[i], found.end[i]], `${original} @${i}`).toEqual(
          i < map.text.length ? [map.start[i], map.end[i]] : [-1, -1],
        )
      }
    }
  })
})

describe('locate with checkpoints', () => {
  it('maps positions exactly as from the start when it resumes from points kept by earlier calls', () => {
    const original = everyCharacterOf([0x3000, 0x30ff], [0x20, 0x7f], [0x4e00, 0x4eff]).repeat(3)
    const map = normalizeWithMap(original)
    const checkpoints = new FoldCheckpoints()
    let seed = 11
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let call = 0; call < 40; call++) {
      // Scattered positions, sometimes beyond the text, in ascending order as snippets ask.
      const wanted = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        Math.floor(random() * (map.text.length + 10)),
      ).sort((a, b) => a - b)
      const found = locate(original, wanted, checkpoints)
      wanted.forEach((p, k) => {
        const expected = p < map.text.length ? [map.start[p], map.end[p]] : [-1, -1]
        expect([found.start[k], found.end[k]], `call ${call} @${p}`).toEqual(expected)
      })
    }
    // The later calls really started from kept points.
    expect(checkpoints.floor(map.text.length)).toBeGreaterThan(3)
  })
})

/** Every code unit of the given ranges, with marks and spaces that depend on their neighbours. */
function everyCharacterOf(...ranges: [number, number][]): string {
  const out: string[] = []
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      out.push(String.fromCharCode(c))
      if (c % 7 === 0) out.push('\u3099')
      if (c % 11 === 0) out.push('々ゝ  ')
    }
  }
  return out.join('')
}
