import { JUMP_DISTANCE, type FoldCheckpoints } from './fold-checkpoints'

/**
 * Text normalisation shared by documents and queries, so that every variant a Japanese writer
 * (or an IME, or a PDF copy) produces compares equal:
 *
 * - NFKC: 全角英数字 → 半角 (ＡＢＣ１２３ → abc123), 半角カナ → 全角 (ｶﾞｲﾄﾞ → ガイド), ㈱ → (株)…
 * - case folding (NPO → npo)
 * - katakana → hiragana (ガイド → がいど), keeping dakuten/handakuten: が never becomes か
 * - the long-vowel mark ー is dropped, so コンピューター and コンピュータ meet (and so do
 *   サーバー / サーバ); the price is that サーバー also matches さば, which search can afford
 * - iteration marks are spelled out: 人々 → 人人, こゝろ → こころ, いすゞ → いすず
 * - whitespace runs become one space (a phrase may span a line break in the body)
 *
 * The work is done per cluster (a character plus the combining marks after it, e.g. ｶ + ﾞ), so
 * that every output character can be traced back to the original text: snippets highlight the
 * original, never the normalised string.
 */

const LONG_VOWEL = 0x30fc
const KANJI_ITERATION = 0x3005 // 々
const HIRAGANA_ITERATION = 0x309d // ゝ
const HIRAGANA_ITERATION_VOICED = 0x309e // ゞ
const KATAKANA_ITERATION = 0x30fd // ヽ
const KATAKANA_ITERATION_VOICED = 0x30fe // ヾ
const SPACE = 0x20

/** Normalised form of each single BMP code unit, filled on first sight (NFKC is slow per call). */
const singleCache: (string | undefined)[] = new Array<string | undefined>(0x10000)

function foldCluster(cluster: string): string {
  let text = cluster.normalize('NFKC').toLowerCase()
  let folded = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x30a1 && c <= 0x30f6) folded += String.fromCharCode(c - 0x60)
    else if (c === LONG_VOWEL) continue
    else if (c === KATAKANA_ITERATION || c === KATAKANA_ITERATION_VOICED)
      folded += String.fromCharCode(c - 0x60)
    else if (isWhitespace(c)) folded += ' '
    else folded += text[i]
  }
  text = folded
  return text
}

function isWhitespace(c: number): boolean {
  return c === SPACE || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0x2028
}

/** Combining marks (and the half-width voiced marks that NFKC turns into them) join the previous character. */
function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    c === 0x3099 ||
    c === 0x309a ||
    c === 0xff9e ||
    c === 0xff9f ||
    (c >= 0xfe00 && c <= 0xfe0f) // variation selectors: 葛󠄀 and 葛 are the same word
  )
}

function isKanji(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
  )
}

function isHiragana(c: number): boolean {
  return c >= 0x3041 && c <= 0x3096
}

/** Positions of the normalised text in the original: `start[i]`/`end[i]` bound the source of char i. */
export interface NormalizedText {
  text: string
  start: Int32Array
  end: Int32Array
}

export interface StopAt {
  /** Once this many normalised characters exist, go on for `extraOriginal` more source characters, then stop. */
  normalizedLength: number
  extraOriginal: number
}

/** Output code units, reused between calls (normalisation is synchronous). */
let buffer = new Uint16Array(4096)
/** Position maps, reused likewise: snippets map a hundred bodies per query, and growing JS
 * arrays of numbers per character made that the costliest part of a query on real text. */
let starts = new Int32Array(4096)
let ends = new Int32Array(4096)
const CHUNK = 8192

function run(source: string, map: boolean, stop?: StopAt): string {
  if (buffer.length < source.length * 4 + 16) {
    buffer = new Uint16Array(source.length * 4 + 16)
    if (map) {
      starts = new Int32Array(buffer.length)
      ends = new Int32Array(buffer.length)
    }
  } else if (map && starts.length < buffer.length) {
    starts = new Int32Array(buffer.length)
    ends = new Int32Array(buffer.length)
  }
  let length = 0
  let lastCode = -1
  let stopAtOriginal = Infinity
  for (let i = 0; i < source.length;) {
    if (i >= stopAtOriginal) break
    const piece = foldAt(source, i, lastCode)
    const next = foldedEnd
    for (let k = 0; k < piece.length; k++) {
      if (map) {
        starts[length] = i
        ends[length] = next
      }
      buffer[length++] = piece.charCodeAt(k)
    }
    if (piece.length > 0) {
      lastCode = piece.charCodeAt(piece.length - 1)
      if (stop && stopAtOriginal === Infinity && length >= stop.normalizedLength) {
        stopAtOriginal = next + stop.extraOriginal
      }
    }
    i = next
  }
  // Built from code units in one go, the result is a flat string: `+=` would leave a rope of
  // thousands of pieces that V8 flattens on the first search, in the middle of a query.
  let out = ''
  for (let at = 0; at < length; at += CHUNK) {
    const chunk = buffer.subarray(at, Math.min(length, at + CHUNK))
    out += String.fromCharCode.apply(null, chunk as unknown as number[])
  }
  mappedLength = length
  return out
}

let mappedLength = 0

/** The normalised form used for both indexing and querying. */
export function normalizeText(text: string): string {
  return run(text, false)
}

/**
 * The normalised text plus, for each of its characters, the range of the original it came
 * from. `stop` ends the work early when only a prefix is needed (snippets near the start).
 */
export function normalizeWithMap(text: string, stop?: StopAt): NormalizedText {
  const out = run(text, true, stop)
  return { text: out, start: starts.slice(0, mappedLength), end: ends.slice(0, mappedLength) }
}

/**
 * For each normalised position in `wanted` (ascending), the range of the original text its
 * character came from, as `normalizeWithMap` would map it, but without building the normalised
 * text or a map of every character: all that snippets need to cut a hundred original bodies
 * around their matches per query. -1 where a position lies beyond the text. `checkpoints`, kept
 * per text by the caller, lets later calls for the same text start near the positions wanted.
 */
export function locate(
  source: string,
  wanted: ArrayLike<number>,
  checkpoints?: FoldCheckpoints,
): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(wanted.length).fill(-1)
  const end = new Int32Array(wanted.length).fill(-1)
  const n = source.length
  let w = 0
  let length = 0
  let lastCode = -1
  for (let i = 0; i < n && w < wanted.length;) {
    if (checkpoints) {
      if (wanted[w]! - length > JUMP_DISTANCE) {
        const k = checkpoints.floor(wanted[w]!)
        if (k >= 0 && checkpoints.normalizedAt(k) > length) {
          length = checkpoints.normalizedAt(k)
          i = checkpoints.originalAt(k)
          lastCode = checkpoints.lastCodeAt(k)
        }
      }
      checkpoints.note(length, i, lastCode)
    }
    // A run of characters that each fold to one character, whatever precedes them (most text):
    // position k of the run is normalised position length + k, no folding needed.
    let j = i
    let flags = codeFlags[source.charCodeAt(i)]!
    while ((flags & SIMPLE) !== 0) {
      const next = j + 1 < n ? codeFlags[source.charCodeAt(j + 1)]! : 0
      if ((next & COMBINING) !== 0) break
      j++
      flags = next
    }
    if (j > i) {
      const runEnd = length + (j - i)
      while (w < wanted.length && wanted[w]! < runEnd) {
        start[w] = i + (wanted[w]! - length)
        end[w] = start[w]! + 1
        w++
      }
      length = runEnd
      lastCode = singleCache[source.charCodeAt(j - 1)]!.charCodeAt(0)
      i = j
      if (i >= n) break
    }
    const c = source.charCodeAt(i)
    if ((codeFlags[c]! & LEARNED) === 0) learnFlags(c)
    const piece = foldAt(source, i, lastCode)
    const next = foldedEnd
    length += piece.length
    while (w < wanted.length && wanted[w]! < length) {
      start[w] = i
      end[w] = next
      w++
    }
    if (piece.length > 0) lastCode = piece.charCodeAt(piece.length - 1)
    i = next
  }
  return { start, end }
}

const SIMPLE = 1
const COMBINING = 2
const LEARNED = 4
/**
 * Per code unit, for `locate`: SIMPLE when it folds to exactly one code unit whatever precedes
 * it (not a surrogate, not an iteration mark or a space, which depend on the character before;
 * learned on first sight), COMBINING when it joins the character before (see isCombining).
 * Mapping a hundred bodies per query character by character through `foldAt` was the costliest
 * part of a query; one byte per code unit keeps the common case to a table read.
 */
const codeFlags = new Uint8Array(0x10000)
for (let c = 0; c < 0x10000; c++) if (isCombining(c)) codeFlags[c] = COMBINING

function learnFlags(c: number): void {
  let flags = codeFlags[c]! | LEARNED
  if ((c < 0xd800 || c > 0xdbff) && (flags & COMBINING) === 0) {
    const piece = singleCache[c] ?? (singleCache[c] = foldCluster(String.fromCharCode(c)))
    const p = piece.length === 1 ? piece.charCodeAt(0) : -1
    const contextual =
      p === KANJI_ITERATION ||
      p === HIRAGANA_ITERATION ||
      p === HIRAGANA_ITERATION_VOICED ||
      p === SPACE
    if (p >= 0 && !contextual) flags |= SIMPLE
  }
  codeFlags[c] = flags
}

/** Where the cluster read by the last `foldAt` ends (a variable, not a returned object: this runs
 *  once per character of every case's text). */
let foldedEnd = 0

/**
 * The folded text of the character or cluster (with its combining marks) at `i`, in context:
 * iteration marks repeat the previous character, a second space vanishes. Sets `foldedEnd`.
 */
function foldAt(source: string, i: number, lastCode: number): string {
  const c = source.charCodeAt(i)
  let next = i + 1
  if (c >= 0xd800 && c <= 0xdbff && next < source.length) next++
  while (next < source.length && isCombining(source.charCodeAt(next))) next++
  foldedEnd = next
  if (next !== i + 1) return foldCluster(source.slice(i, next))
  const piece = singleCache[c] ?? (singleCache[c] = foldCluster(source[i]!))
  if (piece.length !== 1) return piece
  const p = piece.charCodeAt(0)
  if (p === KANJI_ITERATION && isKanji(lastCode)) return String.fromCharCode(lastCode)
  if (p === HIRAGANA_ITERATION && isHiragana(lastCode)) return String.fromCharCode(lastCode)
  if (p === HIRAGANA_ITERATION_VOICED && isHiragana(lastCode))
    return (String.fromCharCode(lastCode) + '\u3099').normalize('NFC')
  if (p === SPACE && lastCode === SPACE) return ''
  return piece
}
