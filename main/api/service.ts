import type { KbApi, SyncApi } from '../../common/api'
import type { LibraryInfo, RecentLibrary } from '../../common/model'
import { asResult } from '../core/errors'
import type { Library } from '../core/library'
import type { OwnWrites } from '../core/watch/own-writes'
import type { EventHub } from './events'
import { createDeckService, type PrintPdf } from './deck-service'
import { createExchangeService } from './exchange-service'
import { createFolderPickerService, type PickFolder } from './folder-picker-service'
import { createLearnService } from './learn-service'
import { createSearchService } from './library-settings-service'
import type { LibrarySearchIndex } from './search-index'

/**
 * The API implemented over an open library. Every method returns a Result; expected failures
 * (KbError) become error envelopes, unexpected ones an `io` error. Writes announce themselves on
 * the event hub so that every window and web client refreshes.
 */
export interface ServiceDeps {
  library: () => Library
  /** The open library's info (with any notice from opening it). */
  info: () => Promise<LibraryInfo>
  /** Revisions the app writes, so the folder watcher does not report them back as external. */
  ownWrites: OwnWrites
  index: () => LibrarySearchIndex
  events: EventHub
  /** Opens another library folder and makes it the current one. */
  switchTo: (path: string) => Promise<LibraryInfo>
  recent: () => Promise<RecentLibrary[]>
  /** How this door prints a deck handout to PDF (absent: PDF export is refused with a message). */
  printPdf?: PrintPdf
  /** The system's folder dialog (desktop app only; absent: the picker is refused with a message). */
  pickFolder?: PickFolder
  /** Builds the sync methods (issue #12) over the same `changed` path as every other write. */
  sync: (changed: (ids: string[]) => Promise<void>) => SyncApi
}

export function createKbService(deps: ServiceDeps): KbApi {
  const { library, index, events, switchTo, recent, printPdf, ownWrites } = deps
  // Every write updates the search index, then tells the windows to refresh.
  // Awaited, so that a search right after a save already sees it.
  const changed = async (ids: string[]) => {
    await index()
      .refresh(ids)
      .catch(() => undefined)
    events.emit({ type: 'library.changed', ids })
  }
  return {
    ...createSearchService({ library, index, changed }),
    ...createDeckService({ library, events, printPdf }),
    ...createLearnService({ library, changed }),
    ...createExchangeService({ library, events, changed, printPdf }),
    ...createFolderPickerService(deps.pickFolder),
    ...deps.sync(changed),
    'library.info': () => asResult(() => deps.info()),
    'library.open': (path) => asResult(() => switchTo(path)),
    'library.recent': () => asResult(async () => ({ libraries: await recent() })),
    'cases.list': () => asResult(() => library().cases.list()),
    'cases.get': (id) => asResult(() => library().cases.get(id)),
    'cases.create': (input) =>
      asResult(async () => {
        const doc = await library().cases.create(input)
        ownWrites.noteDoc(doc)
        await changed([doc.meta.id])
        return doc
      }),
    'cases.save': (input) =>
      asResult(async () => {
        const doc = await library().cases.save(input)
        ownWrites.noteDoc(doc)
        await changed([doc.meta.id])
        return doc
      }),
    'cases.remove': (id) =>
      asResult(async () => {
        const result = await library().trash.remove(id)
        await changed([id])
        return result
      }),
    'cases.restore': (id) =>
      asResult(async () => {
        const result = await library().trash.restore(id)
        await changed([id])
        return result
      }),
    'cases.trash': () => asResult(async () => ({ cases: await library().trash.list() })),
    'attachments.list': (caseId) =>
      asResult(async () => ({ attachments: await library().attachments.list(caseId) })),
    'attachments.add': (input) =>
      asResult(async () => {
        const data = Buffer.from(input.dataBase64, 'base64')
        const info = await library().attachments.add(input.caseId, input.name, data)
        await changed([input.caseId])
        return info
      }),
    'attachments.remove': (caseId, name) =>
      asResult(async () => {
        const result = await library().attachments.remove(caseId, name)
        await changed([caseId])
        return result
      }),
  }
}
