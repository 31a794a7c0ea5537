/**
 * Three-way merge of text by lines (diff3): the changes of both sides are applied to their common
 * ancestor; where both sides changed the same lines differently the merge is not clean. There
 * are never conflict markers: the caller keeps the local text and stores the other side beside
 * it, because a marker written into a case would be published as if it were content.
 */
export type TextMerge = { clean: true; text: string } | { clean: false }

// Above this many line pairs the quadratic LCS would take too long; such a file edited on both
// sides is treated as a conflict (both versions kept), which loses nothing.
const MAX_CELLS = 25_000_000

export function mergeText(base: string, ours: string, theirs: string): TextMerge {
  if (ours === theirs || theirs === base) return { clean: true, text: ours }
  if (ours === base) return { clean: true, text: theirs }
  const o = base.split('\n')
  const a = ours.split('\n')
  const b = theirs.split('\n')
  if (o.length * Math.max(a.length, b.length) > MAX_CELLS) return { clean: false }
  const matchA = matchLines(o, a)
  const matchB = matchLines(o, b)
  const out: string[] = []
  let i = 0
  let ia = 0
  let ib = 0
  while (i < o.length || ia < a.length || ib < b.length) {
    if (i < o.length && matchA[i] === ia && matchB[i] === ib) {
      out.push(o[i]!)
      i++
      ia++
      ib++
      continue
    }
    // The unstable chunk runs to the next base line that both sides kept.
    let next = i
    while (next < o.length && (matchA[next] === -1 || matchB[next] === -1)) next++
    const endA = next < o.length ? matchA[next]! : a.length
    const endB = next < o.length ? matchB[next]! : b.length
    const chunkO = o.slice(i, next)
    const chunkA = a.slice(ia, endA)
    const chunkB = b.slice(ib, endB)
    if (sameLines(chunkA, chunkO)) out.push(...chunkB)
    else if (sameLines(chunkB, chunkO) || sameLines(chunkA, chunkB)) out.push(...chunkA)
    else return { clean: false }
    i = next
    ia = endA
    ib = endB
  }
  return { clean: true, text: out.join('\n') }
}

/** For each line of `base`, the index of the line of `other` it is matched to by an LCS, or -1. */
function matchLines(base: string[], other: string[]): number[] {
  // Common prefix and suffix are matched directly; the LCS table covers only the middle.
  let start = 0
  while (start < base.length && start < other.length && base[start] === other[start]) start++
  let endBase = base.length
  let endOther = other.length
  while (endBase > start && endOther > start && base[endBase - 1] === other[endOther - 1]) {
    endBase--
    endOther--
  }
  const match = new Array<number>(base.length).fill(-1)
  for (let k = 0; k < start; k++) match[k] = k
  for (let k = 0; k < base.length - endBase; k++) match[endBase + k] = endOther + k
  const n = endBase - start
  const m = endOther - start
  const width = m + 1
  const table = new Uint32Array((n + 1) * width)
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      table[x * width + y] =
        base[start + x] === other[start + y]
          ? table[(x + 1) * width + y + 1]! + 1
          : Math.max(table[(x + 1) * width + y]!, table[x * width + y + 1]!)
    }
  }
  for (let x = 0, y = 0; x < n && y < m;) {
    if (base[start + x] === other[start + y]) {
      match[start + x] = start + y
      x++
      y++
    } else if (table[(x + 1) * width + y]! >= table[x * width + y + 1]!) x++
    else y++
  }
  return match
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, k) => line === b[k])
}
