/**
 * Packs many sorted posting lists into one byte string for the index cache: each list as gaps
 * between document numbers, each gap a base-128 varint. Gaps in a dense list are small, so most
 * take one byte, a quarter of an Int32Array and an eighth of JSON numbers.
 */
export function encodePostings(lists: readonly Int32Array[]): Uint8Array {
  let capacity = 16
  for (const list of lists) capacity += list.length * 5
  const out = new Uint8Array(capacity)
  let at = 0
  for (const list of lists) {
    let previous = -1
    for (let i = 0; i < list.length; i++) {
      let gap = list[i]! - previous
      previous = list[i]!
      while (gap >= 0x80) {
        out[at++] = (gap & 0x7f) | 0x80
        gap >>>= 7
      }
      out[at++] = gap
    }
  }
  return out.subarray(0, at)
}

/** Reverses encodePostings given each list's length; null when the bytes do not fit them. */
export function decodePostings(bytes: Uint8Array, lengths: readonly number[]): Int32Array[] | null {
  const lists: Int32Array[] = []
  let at = 0
  for (const length of lengths) {
    const list = new Int32Array(length)
    let previous = -1
    for (let i = 0; i < length; i++) {
      let gap = 0
      let shift = 0
      for (;;) {
        if (at >= bytes.length || shift > 28) return null
        const byte = bytes[at++]!
        gap |= (byte & 0x7f) << shift
        if (byte < 0x80) break
        shift += 7
      }
      if (gap <= 0) return null
      previous += gap
      list[i] = previous
    }
    lists.push(list)
  }
  return at === bytes.length ? lists : null
}
