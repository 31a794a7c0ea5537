import type { SearchOptions, SearchResult } from '../../common/model'
import { join } from 'node:path'
import { CASES_FOLDER } from '../core/case-files'
import type { Library } from '../core/library'
import {
  changedIds,
  signatureOf,
  signaturesOf,
  type CaseSignatures,
} from '../core/search/case-signatures'
import { loadLibraryIndex, refreshCases } from '../core/search/library-index'
import type { SearchEngine } from '../core/search/search-engine'
import { caseFilesHash } from '../core/watch/case-state'
import type { OwnWrites } from '../core/watch/own-writes'
import type { EventHub } from './events'

/** When cases the app wrote are looked at again (see scheduleRechecks). */
const RECHECK_DELAYS_MS = [1_000, 2_000]

/**
 * The open library's search index. At open it is read from this user's index folder (or built
 * there by a worker thread, with progress events); a query asked meanwhile waits for it, so no
 * answer is ever silently incomplete. Every write through the API and every change the watcher
 * reports updates it in place; nothing is written back while the app runs: the index file records
 * the signature of every case it holds, so the next open reads again exactly the cases that
 * changed since (by this app, by others, or while no app was running).
 */
export class LibrarySearchIndex {
  private readonly ready: Promise<{ engine: SearchEngine; signatures: CaseSignatures }>
  /** Refreshes run one after another: two reads of one case must not land out of order. */
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false
  /** False while the index opens: refreshes asked meanwhile are kept here and applied at the end. */
  private loaded = false
  private readonly pendingIds = new Set<string>()
  private readonly recheckTimers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly library: Library,
    private readonly events: EventHub,
    /** This user's index folder for the library (index-location.ts). */
    private readonly indexDir: string,
    /** Told what the app itself re-read, so the watcher does not echo it back. */
    private readonly ownWrites?: OwnWrites,
  ) {
    this.ready = this.load()
    // A failed build is reported to each query; it must not crash the process meanwhile.
    this.ready.catch(() => undefined)
  }

  private async load() {
    const opened = await loadLibraryIndex(this.library.root, {
      indexDir: this.indexDir,
      synonyms: this.library.config.synonyms,
      onProgress: (done, total) =>
        this.events.emit({ type: 'progress', task: 'index', done, total }),
    })
    const { engine, fromCache, ms, signatures } = opened
    // Saves made while the index was being built: the build may or may not have read them.
    while (this.pendingIds.size > 0) {
      const ids = [...this.pendingIds]
      this.pendingIds.clear()
      await refreshCases(this.library.root, engine, signatures, ids)
    }
    this.loaded = true
    if (this.closed) engine.close()
    this.events.emit({ type: 'index.ready', caseCount: engine.size, ms, fromCache })
    return { engine, signatures }
  }

  /** Resolves once the index is open (for tests and for the watcher's start-up check). */
  async whenReady(): Promise<void> {
    await this.ready
  }

  async query(query: string, options?: SearchOptions): Promise<SearchResult> {
    return (await this.ready).engine.query(query, options)
  }

  /**
   * Re-reads the given cases from disk into the index (removing those that are gone). `own`: the
   * app itself just wrote them (restore, import, attachments), so what is read is noted as an
   * own write; a change the watcher reported is not, so a later identical edit is still seen.
   */
  async refresh(ids: string[], own = true): Promise<void> {
    // A save must not wait for a build in progress: the ids are applied when it ends, before any
    // query is answered, so a search right after a save still sees it.
    if (!this.loaded) {
      for (const id of ids) this.pendingIds.add(id)
      if (!own) return
      // Own writes are still noted, or the watcher would report them back as external.
      for (const id of ids) {
        const hash = await caseFilesHash(join(this.library.root, CASES_FOLDER, id))
        if (hash !== null) this.ownWrites?.note(id, hash)
      }
      return
    }
    const { engine, signatures } = await this.ready
    const note = own ? (id: string, hash: string) => this.ownWrites?.note(id, hash) : undefined
    const run = this.queue.then(() =>
      refreshCases(this.library.root, engine, signatures, ids, note),
    )
    this.queue = run.catch(() => undefined)
    await run
    if (own) this.scheduleRechecks(ids)
  }

  /**
   * Looks at cases the app just wrote again a little later. A folder that another program moves
   * or deletes right after the app created it may never be seen by the watcher (a poller that
   * had not yet listed it sees nothing at all), while the index got it straight from the app;
   * comparing signatures a moment later closes that gap. By the second look a poller has listed
   * the folder, so anything later reaches the index through the watcher.
   */
  private scheduleRechecks(ids: string[]): void {
    for (const delay of RECHECK_DELAYS_MS) {
      const timer = setTimeout(() => {
        this.recheckTimers.delete(timer)
        void this.recheck(ids).catch(() => undefined)
      }, delay)
      timer.unref?.()
      this.recheckTimers.add(timer)
    }
  }

  private async recheck(ids: string[]): Promise<void> {
    if (this.closed) return
    const { signatures } = await this.ready
    const stale: string[] = []
    for (const id of ids) {
      if ((await signatureOf(this.library.root, id)) !== (signatures[id] ?? null)) stale.push(id)
    }
    if (stale.length === 0) return
    await this.refresh(stale, false)
    this.events.emit({ type: 'library.changed', ids: stale, external: true })
  }

  /**
   * Compares every case's signature with what the index holds and reads again whatever differs.
   * Called once the folder watcher runs: a change that landed after the index was opened but
   * before the watcher saw the folder is caught here, anything later by the watcher.
   */
  async revalidate(): Promise<string[]> {
    const { signatures } = await this.ready
    const stale = changedIds(signatures, await signaturesOf(this.library.root))
    if (stale.length > 0) await this.refresh(stale, false)
    return stale
  }

  async setSynonyms(groups: string[][]): Promise<void> {
    ;(await this.ready).engine.setSynonyms(groups)
  }

  /** Releases the index file (when closing the library or the app). */
  async flush(): Promise<void> {
    this.closed = true
    for (const timer of this.recheckTimers) clearTimeout(timer)
    this.recheckTimers.clear()
    const opened = await this.ready.catch(() => null)
    await this.queue
    opened?.engine.close()
  }
}
