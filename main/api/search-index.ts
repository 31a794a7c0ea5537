import type { SearchOptions, SearchResult } from '../../common/model'
import { KbError } from '../core/errors'
import type { Library } from '../core/library'
import { loadLibraryIndex, saveLibraryIndex } from '../core/search/library-index'
import type { SearchEngine } from '../core/search/search-engine'
import type { OwnWrites } from '../core/watch/own-writes'
import type { EventHub } from './events'

// Writing the cache after every save would cost more than it saves; wait for a quiet moment.
const CACHE_SAVE_DELAY_MS = 2_000

/**
 * The open library's search index: built (or read from .cache/) in the background at open, with
 * progress events; queries wait for it. Every write through the API updates it incrementally and
 * the cache is rewritten shortly after.
 */
export class LibrarySearchIndex {
  private readonly ready: Promise<SearchEngine>
  private saveTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly library: Library,
    private readonly events: EventHub,
    /** Told of every revision the app itself wrote, so the watcher does not echo it back. */
    private readonly ownWrites?: OwnWrites,
  ) {
    this.ready = this.load()
    // A failed build is reported to each query; it must not crash the process meanwhile.
    this.ready.catch(() => undefined)
  }

  private async load(): Promise<SearchEngine> {
    const { engine, fromCache, ms } = await loadLibraryIndex(this.library, {
      onProgress: (done, total) =>
        this.events.emit({ type: 'progress', task: 'index', done, total }),
    })
    this.events.emit({ type: 'index.ready', caseCount: engine.size, ms, fromCache })
    return engine
  }

  async query(query: string, options?: SearchOptions): Promise<SearchResult> {
    return (await this.ready).query(query, options)
  }

  /** Re-reads the given cases from disk into the index (removing those that are gone). */
  async refresh(ids: string[]): Promise<void> {
    const engine = await this.ready
    for (const id of ids) {
      try {
        const doc = await this.library.cases.get(id)
        engine.upsert(doc)
        this.ownWrites?.note(doc.meta.id, doc.meta.revision)
      } catch (error) {
        if (error instanceof KbError && (error.code === 'not_found' || error.code === 'damaged'))
          engine.remove(id)
        else throw error
      }
    }
    this.scheduleCacheSave()
  }

  async setSynonyms(groups: string[][]): Promise<void> {
    ;(await this.ready).setSynonyms(groups)
    this.scheduleCacheSave()
  }

  private scheduleCacheSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.ready
        .then((engine) => saveLibraryIndex(this.library, engine))
        .catch(() => undefined)
    }, CACHE_SAVE_DELAY_MS)
    this.saveTimer.unref?.()
  }

  /** Writes a pending cache save now (when closing the library or the app). */
  async flush(): Promise<void> {
    if (!this.saveTimer) return
    clearTimeout(this.saveTimer)
    this.saveTimer = null
    await saveLibraryIndex(this.library, await this.ready).catch(() => undefined)
  }
}
