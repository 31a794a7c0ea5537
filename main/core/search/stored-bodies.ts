import { closeSync, readSync } from 'node:fs'

/**
 * The original (not normalised) body texts of an index file, left on disk and read back only for
 * the hits a query shows: matching uses the normalised text, so keeping a second full copy of
 * every body in memory would only serve the snippets of the 100 hits on screen. The file is the
 * user's own, on a local disk; reading a few kilobytes per hit costs microseconds. A file under
 * its own generation name is never rewritten while open, so the offsets always fit.
 */
export class StoredBodies {
  private closed = false
  /**
   * One buffer for every read (reads are synchronous): a fresh buffer per hit, a hundred per
   * query, is memory outside the heap that makes V8 collect garbage far more often.
   */
  private scratch = Buffer.allocUnsafe(16384)

  constructor(
    private readonly fd: number,
    /** Byte position of the first body in the file. */
    private readonly start: number,
    /** End of each body, in UTF-16 code units from `start`. */
    private readonly ends: Uint32Array,
  ) {}

  get count(): number {
    return this.ends.length
  }

  /** Length of body `i` in UTF-16 code units. */
  length(i: number): number {
    if (i < 0 || i >= this.ends.length) return 0
    return this.ends[i]! - (i === 0 ? 0 : this.ends[i - 1]!)
  }

  /** Body `i`, or its first `chars` UTF-16 code units when it is longer. */
  read(i: number, chars = Infinity): string {
    if (this.closed || i < 0 || i >= this.ends.length) return ''
    const from = i === 0 ? 0 : this.ends[i - 1]!
    const bytes = Math.min(this.ends[i]! - from, chars) * 2
    if (bytes === 0) return ''
    if (this.scratch.length < bytes)
      this.scratch = Buffer.allocUnsafe(Math.max(bytes, 2 * this.scratch.length))
    try {
      const read = readSync(this.fd, this.scratch, 0, bytes, this.start + from * 2)
      return this.scratch.toString('utf16le', 0, read)
    } catch {
      return '' // the file was removed under us; the snippet falls back to the summary
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
  }
}
