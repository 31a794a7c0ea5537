import type { TextSegment } from '../../../common/model'
import type { FoldCheckpoints } from './fold-checkpoints'
import { locate } from './normalize'

/** Original characters shown before the first match of a passage and after it. */
const CONTEXT_BEFORE = 30
const CONTEXT_AFTER = 90
const MAX_SNIPPETS = 3
/** Matches looked at per field: enough to pick three passages, bounded for very common words. */
const MAX_MATCHES = 12

type Range = [start: number, end: number]

/**
 * Where the normalised `terms` occur in `normalized`, as sorted, merged ranges of the
 * normalised text. At most `max` ranges per term.
 */
function findMatches(normalized: string, terms: readonly string[], max: number): Range[] {
  const ranges: Range[] = []
  for (const term of terms) {
    if (!term) continue
    let at = normalized.indexOf(term)
    for (let n = 0; at !== -1 && n < max; n++) {
      ranges.push([at, at + term.length])
      at = normalized.indexOf(term, at + term.length)
    }
  }
  if (ranges.length === 0) return ranges
  // One term's matches are found in order already.
  if (terms.length > 1) ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push(range)
  }
  return merged
}

/** Cuts original[from, to) into segments, marking the parts inside `marks` (original ranges). */
function segmentsOf(original: string, from: number, to: number, marks: Range[]): TextSegment[] {
  const segments: TextSegment[] = []
  let at = from
  for (const [start, end] of marks) {
    const s = Math.max(start, at)
    const e = Math.min(end, to)
    if (e <= s) continue
    if (s > at) segments.push({ text: original.slice(at, s), match: false })
    segments.push({ text: original.slice(s, e), match: true })
    at = e
  }
  if (at < to) segments.push({ text: original.slice(at, to), match: false })
  return segments
}

/**
 * Maps ranges of the normalised text to the original, looking up only their ends (see `locate`).
 * `ranges` are sorted and disjoint, as findMatches returns them, so their ends are in order.
 * The result is aligned with `ranges`; a range beyond the text maps to [-1, -1].
 */
function toOriginal(
  original: string,
  ranges: readonly Range[],
  checkpoints?: FoldCheckpoints,
): Range[] {
  if (ranges.length === 0) return []
  const wanted = new Array<number>(2 * ranges.length)
  for (let k = 0; k < ranges.length; k++) {
    wanted[2 * k] = ranges[k]![0]
    wanted[2 * k + 1] = ranges[k]![1] - 1
  }
  const found = locate(original, wanted, checkpoints)
  const out = new Array<Range>(ranges.length)
  for (let k = 0; k < ranges.length; k++) {
    const from = found.start[2 * k]!
    const to = found.end[2 * k + 1]!
    out[k] = from < 0 || to < 0 ? [-1, -1] : [from, to]
  }
  return out
}

const isFound = (range: Range) => range[0] >= 0

/**
 * The whole of a short text (a title) as segments, every match marked. `normalized` is its
 * normalised text (kept by the engine): most titles hold no match and need no mapping at all.
 */
export function highlightAll(
  original: string,
  normalized: string,
  terms: readonly string[],
): TextSegment[] {
  if (!original) return []
  const marks = toOriginal(original, findMatches(normalized, terms, MAX_MATCHES)).filter(isFound)
  return segmentsOf(original, 0, original.length, marks)
}

/**
 * The first `chars` code units of an original text kept elsewhere (a body on disk), or all of it
 * when it is shorter or `chars` is Infinity; `complete` says whether that is the whole text.
 */
export type TextPrefix = (chars: number) => { text: string; complete: boolean }

/**
 * Up to `max` passages of the original text around the matches of `terms`, each an exact slice
 * of the original cut into segments. `normalized` is the field's normalised text (kept by the
 * engine), so matches are found without normalising again, and only as much of the original is
 * looked at as the passages need: a body on disk (`TextPrefix`) is read only when it matches, and
 * then only as far as its last passage (all of it when that guess falls short).
 * `checkpoints` are the original's, kept for later calls (see FoldCheckpoints).
 */
export function passages(
  original: string | TextPrefix,
  normalized: string,
  terms: readonly string[],
  max = MAX_SNIPPETS,
  checkpoints?: FoldCheckpoints,
): TextSegment[][] {
  if (max <= 0 || !normalized) return []
  const matches = findMatches(normalized, terms, MAX_MATCHES)
  if (matches.length === 0) return []
  // Passages start at distinct matches that the previous passage did not already show.
  const chosen: number[] = []
  for (let m = 0; m < matches.length && chosen.length < max; m++) {
    const last = chosen.length > 0 ? matches[chosen.at(-1)!]! : undefined
    if (!last || matches[m]![0] >= last[1] + CONTEXT_AFTER) chosen.push(m)
  }
  // Only matches up to a little past the last passage can be shown (windows end CONTEXT_AFTER
  // characters after their match), so only their positions are looked up in the original. The
  // matches are sorted, so those are a prefix holding every chosen one.
  const shownUpToNormalized = matches[chosen.at(-1)!]![1] + 2 * CONTEXT_AFTER
  const visible = matches.filter(([s]) => s < shownUpToNormalized)
  if (typeof original === 'string') return cut(original, true, visible, chosen, checkpoints)!
  const prefix = original(prefixGuess(visible.at(-1)![1], checkpoints))
  return (
    cut(prefix.text, prefix.complete, visible, chosen, checkpoints) ??
    cut(original(Infinity).text, true, visible, chosen, checkpoints)!
  )
}

/**
 * How much of an original to read to reach normalised position `end` and a passage after it:
 * normalising mostly keeps or shrinks the text (ー and repeated spaces vanish), so a little more
 * than `end` beyond the last kept point before it.
 */
function prefixGuess(end: number, checkpoints: FoldCheckpoints | undefined): number {
  const k = checkpoints ? checkpoints.floor(end) : -1
  const [normalizedAt, originalAt] =
    k < 0 ? [0, 0] : [checkpoints!.normalizedAt(k), checkpoints!.originalAt(k)]
  const ahead = end - normalizedAt
  return originalAt + ahead + (ahead >> 3) + CONTEXT_AFTER + 64
}

/**
 * The passages cut from `text`, or null when `text` is a prefix too short to cut them exactly as
 * from the whole: a range or window reaching its end could differ (a cluster cut in two, a line
 * end or a match beyond it).
 */
function cut(
  text: string,
  complete: boolean,
  visible: readonly Range[],
  chosen: readonly number[],
  checkpoints: FoldCheckpoints | undefined,
): TextSegment[][] | null {
  const mapped = toOriginal(text, visible, checkpoints)
  if (!complete && mapped.some(([s, e]) => s < 0 || e >= text.length)) return null
  const marks = mapped.filter(isFound)
  const result: TextSegment[][] = []
  let shownUpTo = 0
  for (const m of chosen) {
    const [s, e] = mapped[m]!
    if (s < 0 || s < shownUpTo) continue
    if (!complete && e + CONTEXT_AFTER >= text.length) return null
    const [from, to] = windowAround(text, s, e, shownUpTo)
    result.push(segmentsOf(text, from, to, marks))
    shownUpTo = to
  }
  return result
}

/** A passage around original[s, e): a little before (from the line start if near), more after. */
function windowAround(original: string, s: number, e: number, notBefore: number): Range {
  let from = Math.max(notBefore, s - CONTEXT_BEFORE)
  const lineStart = original.lastIndexOf('\n', s - 1) + 1
  if (lineStart > from) from = lineStart
  let to = Math.min(original.length, e + CONTEXT_AFTER)
  const lineEnd = original.indexOf('\n', e)
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd
  // Never split a surrogate pair (an emoji or a rare kanji) at either edge.
  if (from > 0 && isLowSurrogate(original.charCodeAt(from))) from--
  if (to < original.length && isLowSurrogate(original.charCodeAt(to))) to++
  return [from, to]
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** How much of a text `opening` looks at (its last character only to keep a surrogate pair whole). */
export const OPENING_CHARS = CONTEXT_BEFORE + CONTEXT_AFTER + 1

/** The opening of a text as one unmarked passage, for cases found by filters alone. */
export function opening(original: string): TextSegment[][] {
  if (!original) return []
  const lineEnd = original.indexOf('\n')
  let to = Math.min(original.length, CONTEXT_BEFORE + CONTEXT_AFTER)
  if (lineEnd > 0 && lineEnd < to) to = lineEnd
  if (to < original.length && isLowSurrogate(original.charCodeAt(to))) to++
  return [[{ text: original.slice(0, to), match: false }]]
}
