import type { CaseDoc } from '../../common/model'
import type { BenchQuery } from './queries'
import { SubstringScan } from './scan'
import { seededRandom } from './synthetic-library'

const KANJI_KANA = /^[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]+$/
const KANJI = /^[\u4e00-\u9fff]$/
const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]{4,}/g
const ASCII_WORD = /[A-Za-z]{4,}/g

/**
 * Queries drawn at random (seeded) from the cases' own text, so every shape a user types is
 * measured on real vocabulary: short substrings, words common to most cases, rare words,
 * phrases, two words, OR, exclusions, one character, kana and width variants, no hits, filters.
 */
export function realTextQueries(docs: CaseDoc[], scan: SubstringScan, seed = 7): BenchQuery[] {
  const random = seededRandom(seed)
  const body = () => docs[Math.floor(random() * docs.length)]!.body
  const q = (query: string, kind: string): BenchQuery => ({
    query,
    kind,
    plain: SubstringScan.scannable(query),
  })
  /** A run of `length` kanji/kana characters from a random case. */
  const piece = (length: number, test: RegExp = KANJI_KANA): string => {
    for (;;) {
      const text = body()
      const at = Math.floor(random() * (text.length - length))
      const s = text.slice(at, at + length)
      if (test.test(s)) return s
    }
  }
  const withDf = (length: number, accept: (df: number) => boolean, tries = 400): string => {
    let best = piece(length)
    for (let i = 0; i < tries; i++) {
      const s = piece(length)
      if (accept(scan.documentFrequency(s))) return s
      best = s
    }
    return best
  }
  const n = docs.length
  const common = () => withDf(2 + Math.floor(random() * 2), (df) => df > n * 0.5)
  const rare = () => withDf(4 + Math.floor(random() * 3), (df) => df > 0 && df <= 10)
  const katakana = (): string => {
    for (;;) {
      const found = body().match(KATAKANA_RUN)
      if (found) return found[Math.floor(random() * found.length)]!
    }
  }
  const ascii = (): string => {
    for (;;) {
      const found = body().match(ASCII_WORD)
      if (found) return found[Math.floor(random() * found.length)]!
    }
  }
  const out: BenchQuery[] = []
  for (let i = 0; i < 4; i++) out.push(q(piece(2), '2 characters'))
  for (let i = 0; i < 3; i++) out.push(q(piece(3), '3 characters'))
  for (let i = 0; i < 3; i++) out.push(q(piece(4), '4 characters'))
  for (let i = 0; i < 3; i++) out.push(q(common(), 'common word (most cases)'))
  for (let i = 0; i < 4; i++) out.push(q(rare(), 'rare word'))
  for (let i = 0; i < 3; i++) out.push(q(`"${piece(8 + Math.floor(random() * 6))}"`, 'phrase'))
  for (let i = 0; i < 3; i++) out.push(q(`${piece(2)} ${piece(3)}`, 'two words'))
  for (let i = 0; i < 2; i++) out.push(q(`${common()} ${common()} ${piece(2)}`, 'three words'))
  for (let i = 0; i < 2; i++) out.push(q(`${rare()} OR ${rare()}`, 'OR'))
  for (let i = 0; i < 3; i++) out.push(q(`${common()} -${piece(2)}`, 'exclusion'))
  for (let i = 0; i < 3; i++) out.push(q(piece(1, KANJI), 'one character'))
  for (let i = 0; i < 2; i++) out.push(q(toHiragana(katakana()), 'katakana word typed in hiragana'))
  for (let i = 0; i < 2; i++) out.push(q(toHalfWidth(katakana()), 'half-width katakana'))
  for (let i = 0; i < 2; i++) out.push(q(toFullWidth(ascii()), 'full-width ASCII'))
  out.push(q('ぬゑゐぬゑゐ', 'no hits'), q('"存在しない語句の組み合わせ"', 'no hits'))
  out.push(
    q(`type:npo ${piece(2)}`, 'filter and word'),
    q('year:2015-2018 status:published', 'filters only'),
  )
  return out
}

function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
}

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

const HALF =
  'ｧｱｨｲｩｳｪｴｫｵｶｶﾞｷｷﾞｸｸﾞｹｹﾞｺｺﾞｻｻﾞｼｼﾞｽｽﾞｾｾﾞｿｿﾞﾀﾀﾞﾁﾁﾞｯﾂﾂﾞﾃﾃﾞﾄﾄﾞﾅﾆﾇﾈﾉﾊﾊﾞﾊﾟﾋﾋﾞﾋﾟﾌﾌﾞﾌﾟﾍﾍﾞﾍﾟﾎﾎﾞﾎﾟﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝｳﾞｰ'
const FULL =
  'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴー'

/** Full-width katakana → half-width (ﾎﾞﾗﾝﾃｨｱ), as old systems and some PDFs produce it. */
function toHalfWidth(text: string): string {
  const table = new Map<string, string>()
  let h = 0
  for (const c of FULL) {
    // A voiced or semi-voiced half-width form is two characters (base + ﾞ or ﾟ).
    const two = HALF[h + 1] === 'ﾞ' || HALF[h + 1] === 'ﾟ'
    table.set(c, HALF.slice(h, h + (two ? 2 : 1)))
    h += two ? 2 : 1
  }
  return [...text].map((c) => table.get(c) ?? c).join('')
}
