/**
 * A growable list of document numbers in increasing order, each with how often the key occurs in
 * that document (capped at 255). Typed arrays: a quarter of a JS array's memory.
 */
export class PostingList {
  ids: Int32Array
  tfs: Uint8Array
  length = 0

  constructor(capacity = 4) {
    this.ids = new Int32Array(capacity)
    this.tfs = new Uint8Array(capacity)
  }

  /** Counts one occurrence in `doc`, which is the last document added or a later one. */
  push(doc: number): void {
    const last = this.length - 1
    if (last >= 0 && this.ids[last] === doc) {
      if (this.tfs[last]! < 255) this.tfs[last]!++
      return
    }
    if (this.length === this.ids.length) {
      const capacity = Math.max(4, this.ids.length * 2)
      const ids = new Int32Array(capacity)
      ids.set(this.ids)
      const tfs = new Uint8Array(capacity)
      tfs.set(this.tfs)
      this.ids = ids
      this.tfs = tfs
    }
    this.ids[this.length] = doc
    this.tfs[this.length++] = 1
  }

  /** Drops the spare capacity left by doubling, once a bulk build is done. */
  trim(): void {
    if (this.ids.length === this.length) return
    this.ids = this.ids.slice(0, this.length)
    this.tfs = this.tfs.slice(0, this.length)
  }

  view(): Postings {
    return { ids: this.ids.subarray(0, this.length), tfs: this.tfs.subarray(0, this.length) }
  }
}

/** Document numbers in increasing order with a count for each. */
export interface Postings {
  ids: Int32Array
  tfs: Uint8Array
}

export const NO_POSTINGS: Postings = { ids: new Int32Array(0), tfs: new Uint8Array(0) }

/**
 * Documents in both lists, each with the smaller count (a term occurs at most as often as its
 * rarest bigram). Gallops through the longer list so a rare term stays cheap.
 */
export function intersect(a: Postings, b: Postings): Postings {
  if (a.ids.length > b.ids.length) [a, b] = [b, a]
  const ids = new Int32Array(a.ids.length)
  const tfs = new Uint8Array(a.ids.length)
  const bIds = b.ids
  let n = 0
  let lo = 0
  for (let i = 0; i < a.ids.length && lo < bIds.length; i++) {
    const x = a.ids[i]!
    let hi = lo
    let step = 1
    while (hi < bIds.length && bIds[hi]! < x) {
      lo = hi + 1
      hi += step
      step *= 2
    }
    if (hi > bIds.length) hi = bIds.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (bIds[mid]! < x) lo = mid + 1
      else hi = mid
    }
    if (lo < bIds.length && bIds[lo] === x) {
      ids[n] = x
      tfs[n++] = Math.min(a.tfs[i]!, b.tfs[lo]!)
    }
  }
  return { ids: ids.subarray(0, n), tfs: tfs.subarray(0, n) }
}

/** Sorted union of document numbers, without duplicates. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity
    const y = j < b.length ? b[j]! : Infinity
    if (x <= y) {
      out[n++] = x
      i++
      if (x === y) j++
    } else {
      out[n++] = y
      j++
    }
  }
  return out.subarray(0, n)
}

/** Sorted intersection of document numbers (for ANDing clauses). */
export function intersectIds(a: Int32Array, b: Int32Array): Int32Array {
  return intersect(
    { ids: a, tfs: new Uint8Array(a.length) },
    { ids: b, tfs: new Uint8Array(b.length) },
  ).ids
}
