import type { Postings } from './posting-list'
import { TF_CAP } from './ranking'

/**
 * Counts are stored capped at TF_CAP (4), two bits each (count - 1): ranking never looks past
 * TF_CAP (it caps sums and minimums of counts at it), so the cap loses nothing, and the counts
 * take a quarter of a byte per posting instead of one.
 */
export const TF_BITS = 2
export const TFS_PER_BYTE = 8 / TF_BITS
if (TF_CAP > 1 << TF_BITS) throw new Error('TF_CAP does not fit the stored counts')

/**
 * The n-gram postings of an index file, kept as the bytes they were written in and decoded one
 * list at a time when a query asks for it. Opening a 10,000-case index therefore costs reading
 * the buffers, not building millions of numbers, and the postings stay about a third the size of
 * Int32Arrays in memory.
 *
 * Layout (all views over the file's bytes): `keys` sorted (a unigram is its code unit, a bigram
 * 65536 + first * 65536 + second, see NgramIndex), `idOffsets[k]..idOffsets[k + 1]` the list's
 * document numbers as varint gaps in `ids`, postings `starts[k]..starts[k + 1]` its counts in
 * `tfs` (two bits per posting, see TF_BITS).
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
    const counts = new Uint8Array(count)
    for (let i = 0, k = starts[lo]!; i < count; i++, k++) {
      counts[i] = ((tfs[k >>> 2]! >>> ((k & 3) * TF_BITS)) & 3) + 1
    }
    return { ids: out, tfs: counts }
  }

  /** Checks the layout once at load, so a damaged file is rebuilt instead of misread. */
  static check(data: FrozenPostingsData, docCount: number): boolean {
    const { keys, idOffsets, starts, ids, tfs } = data
    const n = keys.length
    if (idOffsets.length !== n + 1 || starts.length !== n + 1) return false
    if (idOffsets[0] !== 0 || starts[0] !== 0) return false
    if (idOffsets[n] !== ids.length || Math.ceil(starts[n]! / TFS_PER_BYTE) !== tfs.length)
      return false
    for (let k = 1; k < n; k++) if (!(keys[k - 1]! < keys[k]!)) return false
    // Every posting takes at least one byte of `ids`; a full decode is not needed to check that.
    return starts[n]! <= ids.length && starts[n]! <= docCount * Math.max(1, n)
  }
}
