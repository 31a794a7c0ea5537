/** Normalised characters between two kept points: a lookup walks at most about this far. */
const STEP = 256

/**
 * Points where a walk over one original text (`locate` in normalize.ts) was in step with its
 * normalised text: a cluster starts at `original`, `normalized` characters have been produced
 * before it, and `lastCode` is the last of them (the only context folding depends on). A later
 * lookup in the same text starts at the last point before the position it wants instead of at
 * the beginning: snippets of a case found again (the next keystroke's query, the next page)
 * map their matches by walking a few hundred characters instead of the whole way from the start.
 * Points are kept about every STEP normalised characters, only as far as walks have gone: a
 * 3,000-character body keeps at most a dozen (three numbers each).
 */
export class FoldCheckpoints {
  private points = new Int32Array(3 * 4)
  private count = 0

  /** Records the walk's state if it is STEP beyond the last point recorded. */
  note(normalized: number, original: number, lastCode: number): void {
    const last = this.count === 0 ? 0 : this.points[3 * (this.count - 1)]!
    if (normalized < last + STEP) return
    if (3 * (this.count + 1) > this.points.length) {
      const grown = new Int32Array(this.points.length * 2)
      grown.set(this.points)
      this.points = grown
    }
    const at = 3 * this.count++
    this.points[at] = normalized
    this.points[at + 1] = original
    this.points[at + 2] = lastCode
  }

  /** The last point at or before normalised position `p`, as an index for the getters; -1 if none. */
  floor(p: number): number {
    let lo = 0
    let hi = this.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.points[3 * mid]! <= p) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  normalizedAt(k: number): number {
    return this.points[3 * k]!
  }

  originalAt(k: number): number {
    return this.points[3 * k + 1]!
  }

  lastCodeAt(k: number): number {
    return this.points[3 * k + 2]!
  }
}

/** How far beyond the current position a wanted one must be for a jump to a point to pay. */
export const JUMP_DISTANCE = STEP / 2
