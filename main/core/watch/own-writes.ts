import type { CaseDoc } from '../../../common/model'
import { caseJsonText, filesHashOf } from '../case-files-hash'

/**
 * Remembers what this app has just written, by content, so the watcher does not report its own
 * writes back as external changes. The service notes a case right after a save (or create)
 * returns, from the very document it wrote:
 *
 *   const saved = await library.cases.save(input)
 *   ownWrites.noteDoc(saved)
 *
 * and passes `ownWrites.isOwnWrite` to watchLibrary, which hashes both files as it finds them.
 * Matching content, not case.json's revision: an editor appending a line to case.md right after
 * an own save leaves the revision as the app wrote it, but not the hash, so that change is still
 * reported (and indexed). Entries match once and expire.
 */
export class OwnWrites {
  private readonly expected = new Map<string, { hash: string; until: number }[]>()

  constructor(
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes a case by the hash of its files (filesHashOf). */
  note(caseId: string, filesHash: string): void {
    const live = (this.expected.get(caseId) ?? []).filter((e) => e.until > this.now())
    live.push({ hash: filesHash, until: this.now() + this.ttlMs })
    this.expected.set(caseId, live)
  }

  /** Notes a document as the case store writes it (case.json as formatted JSON, case.md as is). */
  noteDoc(doc: CaseDoc): void {
    this.note(doc.meta.id, filesHashOf(caseJsonText(doc.meta), doc.body))
  }

  /** For watchLibrary's `isOwnWrite`: both files are exactly as this app wrote them, recently. */
  isOwnWrite = (caseId: string, filesHash: string): boolean => {
    const entries = this.expected.get(caseId) ?? []
    const index = entries.findIndex((e) => e.hash === filesHash && e.until > this.now())
    if (index < 0) return false
    entries.splice(index, 1)
    return true
  }
}
