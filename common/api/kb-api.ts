/**
 * The API contract (v1): the single source of truth for every door into the library —
 * the preload (IPC), the web host (HTTP), the CLI and the renderer's fakes.
 *
 * One interface per area, combined here, plus one table of method names. Nothing else: a
 * sandboxed preload cannot `require` npm packages, so the contract has no runtime imports
 * beyond common/.
 */

import type { CasesApi } from './cases-api'
import type { DecksApi } from './decks-api'
import type { KbEvent } from './events'
import type { ExchangeApi } from './exchange-api'
import type { LearnApi } from './learn-api'
import type { LibraryApi } from './library-api'
import type { SearchApi } from './search-api'
import { SYNC_METHODS, type SyncApi } from './sync-api'

/**
 * Every method of the API, keyed by its `domain.verb` name. All return a promise of a
 * Result envelope; expected failures are values, never thrown strings.
 */
export interface KbApi
  extends LibraryApi, CasesApi, SearchApi, DecksApi, LearnApi, ExchangeApi, SyncApi {}

export type KbMethod = keyof KbApi

/** The method table: the only names the preload exposes and the hosts accept. */
export const KB_METHODS = [
  'library.info',
  'library.open',
  'library.recent',
  'library.pickFolder',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.save',
  'cases.remove',
  'cases.restore',
  'cases.trash',
  'attachments.list',
  'attachments.add',
  'attachments.remove',
  'search.query',
  'search.suggest',
  'searches.list',
  'searches.save',
  'searches.remove',
  'tags.preview',
  'tags.apply',
  'library.setPartnerTypes',
  'library.setSynonyms',
  'library.synonyms',
  'decks.list',
  'decks.get',
  'decks.create',
  'decks.save',
  'decks.remove',
  'decks.outline',
  'decks.export',
  'decks.preview',
  'learn.guide',
  'learn.setGuideIntro',
  'learn.related',
  'learn.freshness',
  'learn.setFreshnessAge',
  'learn.nominal',
  'glossary.get',
  'glossary.set',
  'paths.list',
  'paths.get',
  'paths.create',
  'paths.save',
  'paths.remove',
  'import.prepare',
  'import.run',
  'import.cancel',
  'exchange.export',
  'backups.list',
  'backups.restore',
  ...SYNC_METHODS,
] as const satisfies readonly KbMethod[]

// Compile-time proof that the table lists every method of KbApi (and nothing else).
type Missing = Exclude<KbMethod, (typeof KB_METHODS)[number]>
const tableIsComplete: Missing extends never ? true : Missing = true
void tableIsComplete

/** What the preload exposes as `window.kb`: the named methods plus one subscription. */
export type KbBridge = KbApi & {
  /** Subscribe to events from main; returns the unsubscribe function. */
  onEvent(listener: (event: KbEvent) => void): () => void
}
