import { TF_BITS, TFS_PER_BYTE, type FrozenPostingsData } from './frozen-postings'
import { BIGRAM_BASE } from './ngram-index'
import { TF_CAP } from './ranking'

/** The first slots are the unigrams (slot = code unit); bigrams are numbered from here on. */
const UNIGRAM_SLOTS = 0x10000

/**
 * Builds the n-gram postings of a whole library straight into the index file's layout (see
 * frozen-postings.ts), for the cold build. Adding documents one character at a time to growable
 * per-key lists (NgramIndex.add) cost ≈5 of the 10 s of a 10,000-case build: a Map lookup and a
 * list push per character, a million small lists for the collector. Here every key gets a slot
 * number from a typed-array hash table, each document's distinct keys are counted once, and the
 * lists are laid out in key order by a counting sort, so the work is a few passes over flat
 * arrays.
 *
 * `textsOf(doc)` gives the texts of document number `doc` (0 ≤ doc < docCount); bigrams never
 * span two texts. Counts are capped at TF_CAP, as the file stores them.
 */
export function buildFrozenPostings(
  docCount: number,
  textsOf: (doc: number) => readonly string[],
): FrozenPostingsData {
  const table = new SlotTable()
  // One entry per (document, distinct key): the key's slot and its count in that document. A
  // character adds at most two (its unigram and its bigram), so that bound is allocated at once:
  // pages never written are never backed by memory, and growing by copies cost a twentieth of
  // the build. (Real prose uses about a quarter of the bound.)
  let bound = 0
  for (let doc = 0; doc < docCount; doc++) for (const text of textsOf(doc)) bound += 2 * text.length
  const postSlot = new Int32Array(bound)
  const postTf = new Uint8Array(bound)
  let posts = 0
  // Per slot, side by side (one cache line): the last document that had the key, and where
  // that document's entry is. Random reads of these and of the table are the build's main cost.
  let last = new Int32Array(UNIGRAM_SLOTS * 4).fill(-1)
  const docEnds = new Int32Array(docCount)

  for (let doc = 0; doc < docCount; doc++) {
    for (const text of textsOf(doc)) {
      // Room for every new key of this text before the loop, so the loop itself only reads and
      // writes flat local arrays.
      const n = text.length
      table.reserve(n)
      if (2 * (UNIGRAM_SLOTS + table.size + n) > last.length) {
        last = grow(last, Math.max(2 * (UNIGRAM_SLOTS + table.size + n), last.length * 2), -1)
      }
      const seen = last
      const slotOfPost = postSlot
      const tfOfPost = postTf
      const entries = table.entries
      const shift = 32 - table.bits
      const mask = (1 << table.bits) - 1
      let previous = -1
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i)
        // The unigram: its slot is its code unit.
        posts = count(seen, slotOfPost, tfOfPost, c, doc, posts)
        if (previous !== -1) {
          // The bigram's slot, from the open-addressing table (added when new).
          const code = (previous << 16) | c
          let h = Math.imul(code, 0x9e3779b1) >>> shift
          let slot = entries[2 * h + 1]!
          while (slot !== -1 && entries[2 * h] !== code) {
            h = (h + 1) & mask
            slot = entries[2 * h + 1]!
          }
          if (slot === -1) {
            slot = UNIGRAM_SLOTS + table.size++
            entries[2 * h] = code
            entries[2 * h + 1] = slot
          }
          posts = count(seen, slotOfPost, tfOfPost, slot, doc, posts)
        }
        previous = c
      }
    }
    docEnds[doc] = posts
  }
  return layOut(table, postSlot, postTf, posts, docEnds)
}

/**
 * Counts one occurrence of the key in `slot` in document `doc`: a new entry the first time in
 * that document, else one more on its count. Returns the number of entries after it.
 */
function count(
  seen: Int32Array,
  slotOfPost: Int32Array,
  tfOfPost: Uint8Array,
  slot: number,
  doc: number,
  posts: number,
): number {
  if (seen[2 * slot] === doc) {
    const p = seen[2 * slot + 1]!
    if (tfOfPost[p]! < TF_CAP) tfOfPost[p]!++
    return posts
  }
  seen[2 * slot] = doc
  seen[2 * slot + 1] = posts
  slotOfPost[posts] = slot
  tfOfPost[posts] = 1
  return posts + 1
}

/** Sorts the postings by key (lists in key order, documents ascending) and encodes them. */
function layOut(
  slots: SlotTable,
  postSlot: Int32Array,
  postTf: Uint8Array,
  posts: number,
  docEnds: Int32Array,
): FrozenPostingsData {
  const slotCount = UNIGRAM_SLOTS + slots.size
  const df = new Int32Array(slotCount)
  for (let p = 0; p < posts; p++) df[postSlot[p]!]!++
  // Key order: unigrams by code unit, then bigrams by (first, second), i.e. by their 32-bit code.
  // As unsigned numbers, so a first code unit ≥ 0x8000 sorts after the others.
  const bigramCodes = new Uint32Array(slots.codes().buffer).sort()
  const keyList: number[] = []
  const slotList: number[] = []
  for (let c = 0; c < UNIGRAM_SLOTS; c++) {
    if (df[c]! === 0) continue
    keyList.push(c)
    slotList.push(c)
  }
  for (const code of bigramCodes) {
    keyList.push(BIGRAM_BASE + code)
    slotList.push(slots.slotOf(code | 0))
  }
  const keyCount = keyList.length
  const keys = Float64Array.from(keyList)
  const starts = new Uint32Array(keyCount + 1)
  const cursor = new Int32Array(slotCount)
  let total = 0
  for (let k = 0; k < keyCount; k++) {
    const slot = slotList[k]!
    starts[k] = total
    cursor[slot] = total
    total += df[slot]!
  }
  starts[keyCount] = total
  // Counting sort: walking the documents in order keeps every list's documents ascending.
  const sortedDocs = new Int32Array(total)
  const sortedTfs = new Uint8Array(total)
  let p = 0
  for (let doc = 0; doc < docEnds.length; doc++) {
    for (const end = docEnds[doc]!; p < end; p++) {
      const at = cursor[postSlot[p]!]!++
      sortedDocs[at] = doc
      sortedTfs[at] = postTf[p]!
    }
  }
  return encode(keys, starts, sortedDocs, sortedTfs)
}

/** Each list's document numbers as varint gaps, each count in two bits (frozen-postings.ts). */
function encode(
  keys: Float64Array,
  starts: Uint32Array,
  docs: Int32Array,
  counts: Uint8Array,
): FrozenPostingsData {
  const keyCount = keys.length
  let bytes = 0
  for (let k = 0; k < keyCount; k++) {
    let previous = -1
    for (let i = starts[k]!; i < starts[k + 1]!; i++) {
      const gap = docs[i]! - previous
      previous = docs[i]!
      bytes += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5
    }
  }
  const ids = new Uint8Array(bytes)
  const idOffsets = new Uint32Array(keyCount + 1)
  const tfs = new Uint8Array(Math.ceil(docs.length / TFS_PER_BYTE))
  let at = 0
  for (let k = 0; k < keyCount; k++) {
    idOffsets[k] = at
    let previous = -1
    for (let i = starts[k]!; i < starts[k + 1]!; i++) {
      let gap = docs[i]! - previous
      previous = docs[i]!
      while (gap >= 0x80) {
        ids[at++] = (gap & 0x7f) | 0x80
        gap >>>= 7
      }
      ids[at++] = gap
      tfs[i >>> 2] = tfs[i >>> 2]! | ((counts[i]! - 1) << ((i & 3) * TF_BITS))
    }
  }
  idOffsets[keyCount] = at
  return { keys, idOffsets, starts, ids, tfs }
}

/**
 * Bigram code (first code unit << 16 | second, as a signed 32-bit number) → slot, by open
 * addressing over one typed array of (code, slot) pairs: a library of real prose has tens of
 * thousands of distinct bigrams, which a Map of lists holds as boxed entries. The build loop
 * probes and inserts itself (see above); `reserve` keeps the table at most half full for what it
 * may add.
 */
class SlotTable {
  bits = 16
  /** entries[2i] = code, entries[2i + 1] = slot (-1: empty). */
  entries = new Int32Array(2 << this.bits).fill(-1)
  size = 0

  /** Makes room for `more` new codes without passing half full. */
  reserve(more: number): void {
    while ((this.size + more) * 2 > 1 << this.bits) this.rehash()
  }

  slotOf(code: number): number {
    const mask = (1 << this.bits) - 1
    let i = Math.imul(code, 0x9e3779b1) >>> (32 - this.bits)
    while (this.entries[2 * i + 1] !== -1 && this.entries[2 * i] !== code) i = (i + 1) & mask
    return this.entries[2 * i + 1]!
  }

  /** Every bigram code held (as a signed 32-bit number), in slot order. */
  codes(): Int32Array {
    const out = new Int32Array(this.size)
    for (let i = 0; i < 1 << this.bits; i++) {
      const slot = this.entries[2 * i + 1]!
      if (slot !== -1) out[slot - UNIGRAM_SLOTS] = this.entries[2 * i]!
    }
    return out
  }

  private rehash(): void {
    const old = this.entries
    this.bits++
    this.entries = new Int32Array(2 << this.bits).fill(-1)
    const mask = (1 << this.bits) - 1
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === -1) continue
      let i = Math.imul(old[j]!, 0x9e3779b1) >>> (32 - this.bits)
      while (this.entries[2 * i + 1] !== -1) i = (i + 1) & mask
      this.entries[2 * i] = old[j]!
      this.entries[2 * i + 1] = old[j + 1]!
    }
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number, fill = 0): T {
  const out = new (array.constructor as new (n: number) => T)(size)
  out.set(array)
  if (fill !== 0) out.fill(fill, array.length)
  return out
}
