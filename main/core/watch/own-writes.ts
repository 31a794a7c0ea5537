/**
 * Remembers the revisions this app has just written, so the watcher does not report its own saves
 * back as external changes. The service notes a case's revision right after a save (or create,
 * import, restore) returns:
 *
 *   const saved = await library.cases.save(input)
 *   ownWrites.note(saved.meta.id, saved.meta.revision)
 *
 * and passes `ownWrites.isOwnWrite` to watchLibrary. The watcher reads at the end of a burst
 * (debounce), after the save has finished, so noting afterwards is in time. Entries expire, so a
 * later external write of the same revision number (another person's save) is never masked.
 */
export class OwnWrites {
  private readonly expected = new Map<string, { revision: number; until: number }[]>()

  constructor(
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  note(caseId: string, revision: number): void {
    const live = (this.expected.get(caseId) ?? []).filter((e) => e.until > this.now())
    live.push({ revision, until: this.now() + this.ttlMs })
    this.expected.set(caseId, live)
  }

  /** For watchLibrary's `isOwnWrite`: case.json's revision is one this app wrote, recently. */
  isOwnWrite = (caseId: string, metaText: string): boolean => {
    let revision: unknown
    try {
      revision = (JSON.parse(metaText) as { revision?: unknown }).revision
    } catch {
      return false
    }
    const entries = this.expected.get(caseId) ?? []
    const index = entries.findIndex((e) => e.revision === revision && e.until > this.now())
    if (index < 0) return false
    // Each noted write matches once: a second write with the same revision is someone else's.
    entries.splice(index, 1)
    return true
  }
}
