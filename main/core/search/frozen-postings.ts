import type { Postings } from './posting-list'

/**
 * The n-gram postings of an index file, kept as the bytes they were written in and decoded one
 * list at a time when a query asks for it. Opening a 10,000-case index therefore costs reading
 * the buffers, not building millions of numbers, and the postings stay about a third the size of
 * Int32Arrays in memory.
 *
 * Layout (all views over the file's bytes): `keys` sorted (a unigram is its code unit, a bigram
 * 65536 + first * 65536 + second, see NgramIndex), `idOffsets[k]..idOffsets[k + 1]` the list's
 * document numbers as varint gaps in `ids`, `starts[k]..starts[k + 1]` its counts in `tfs`.
 */
export interface FrozenPostingsData {
  keys: Float64Array
  idOffsets: Uint32Array
  starts: Uint32Array
  ids: Uint8Array
  tfs: Uint8Array
}

export class FrozenPostings {
  constructor(private readonly data: FrozenPostingsData) {}

  get keyCount(): number {
    return this.data.keys.length
  }

  /** The postings of `key`, or null when no document holds it. */
  get(key: number): Postings | null {
    const { keys, idOffsets, starts, ids, tfs } = this.data
    let lo = 0
    let hi = keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    if (lo >= keys.length || keys[lo] !== key) return null
    const count = starts[lo + 1]! - starts[lo]!
    const out = new Int32Array(count)
    let at = idOffsets[lo]!
    let previous = -1
    for (let i = 0; i < count; i++) {
      let gap = 0
      let shift = 0
      let byte: number
      do {
        byte = ids[at++]!
        gap |= (byte & 0x7f) << shift
        shift += 7
      } while (byte >= 0x80)
      previous += gap
      out[i] = previous
    }
    return { ids: out, tfs: tfs.subarray(starts[lo]!, starts[lo + 1]!) }
  }

  /** Checks the layout once at load, so a damaged file is rebuilt instead of misread. */
  static check(data: FrozenPostingsData, docCount: number): boolean {
    const { keys, idOffsets, starts, ids, tfs } = data
    const n = keys.length
    if (idOffsets.length !== n + 1 || starts.length !== n + 1) return false
    if (idOffsets[0] !== 0 || starts[0] !== 0) return false
    if (idOffsets[n] !== ids.length || starts[n] !== tfs.length) return false
    for (let k = 1; k < n; k++) if (!(keys[k - 1]! < keys[k]!)) return false
    // The largest number a list can reach is bounded by its bytes; a full decode is not needed.
    return tfs.length <= ids.length && tfs.length <= docCount * Math.max(1, n)
  }
}

/**
 * Encodes sorted postings lists (in key order) into the FrozenPostingsData byte layout: each list
 * as gaps between document numbers, each gap a base-128 varint (one byte for most gaps).
 */
export function freezePostings(entries: readonly [number, Postings][]): FrozenPostingsData {
  // Exact sizes first: allocating five bytes per posting "to be safe" doubled the build's peak.
  let capacity = 0
  let total = 0
  for (const [, p] of entries) {
    let previous = -1
    for (let i = 0; i < p.ids.length; i++) {
      const gap = p.ids[i]! - previous
      previous = p.ids[i]!
      capacity += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5
    }
    total += p.ids.length
  }
  const ids = new Uint8Array(capacity)
  const tfs = new Uint8Array(total)
  const keys = new Float64Array(entries.length)
  const idOffsets = new Uint32Array(entries.length + 1)
  const starts = new Uint32Array(entries.length + 1)
  let at = 0
  let t = 0
  entries.forEach(([key, p], k) => {
    keys[k] = key
    idOffsets[k] = at
    starts[k] = t
    let previous = -1
    for (let i = 0; i < p.ids.length; i++) {
      let gap = p.ids[i]! - previous
      previous = p.ids[i]!
      while (gap >= 0x80) {
        ids[at++] = (gap & 0x7f) | 0x80
        gap >>>= 7
      }
      ids[at++] = gap
      tfs[t++] = p.tfs[i]!
    }
  })
  idOffsets[entries.length] = at
  starts[entries.length] = t
  return { keys, idOffsets, starts, ids, tfs }
}
