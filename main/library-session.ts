import { mkdir, stat } from 'node:fs/promises'
import type { KbApi, LibraryInfo } from '../preload/contract'
import { createDispatch, type Dispatch } from './api/dispatch'
import { EventHub } from './api/events'
import { LibrarySearchIndex } from './api/search-index'
import type { PrintPdf } from './api/deck-service'
import { createKbService } from './api/service'
import { openLibrary, seedSampleLibrary, type Library } from './core/library'
import { RecentLibraries } from './core/recent-libraries'
import { appDataFolder, defaultLibraryFolder } from './core/user-paths'

export interface LibrarySession {
  library: () => Library
  index: () => LibrarySearchIndex
  events: EventHub
  service: KbApi
  dispatch: Dispatch
}

export interface SessionOptions {
  /** The library folder; the user's default library when absent. */
  libraryDir?: string
  /** The bundled sample library, copied into the default library on first start. */
  sampleDir: string
  /** Where the user's own app data (recent libraries) lives; the platform's folder by default. */
  appData?: string
  /** How deck handouts become PDF in this door (Electron's printToPDF, or Chromium). */
  printPdf?: PrintPdf
}

/**
 * Opens the library and builds the services over it: what the desktop app, the web host and the
 * tests share. The default library is seeded from the sample the first time, so a new user sees
 * a living library at once; a folder named explicitly is opened as it is (or created if empty).
 * The user can switch to another library later; every door then sees the new one.
 */
export async function openLibrarySession(options: SessionOptions): Promise<LibrarySession> {
  const dir = options.libraryDir ?? defaultLibraryFolder()
  if (!options.libraryDir) await seedSampleLibrary(options.sampleDir, dir)
  const appData = options.appData ?? appDataFolder()
  await mkdir(appData, { recursive: true })
  const recent = new RecentLibraries(appData)
  const events = new EventHub()
  let current = await openLibrary(dir, { create: true })
  let index = new LibrarySearchIndex(current, events)
  await recent.remember({
    path: current.root,
    name: current.config.name,
    openedAt: new Date().toISOString(),
  })

  async function switchTo(path: string): Promise<LibraryInfo> {
    // A mistyped path must not create folders on a shared drive: only an existing folder opens
    // (and only an empty one becomes a new library).
    const next = await openLibrary(path, { create: await isExistingFolder(path) })
    await index.flush()
    current = next
    index = new LibrarySearchIndex(next, events)
    await recent.remember({
      path: next.root,
      name: next.config.name,
      openedAt: new Date().toISOString(),
    })
    events.emit({ type: 'library.opened', path: next.root })
    return next.info()
  }

  const library = () => current
  const service = createKbService({
    library,
    index: () => index,
    events,
    switchTo,
    recent: () => recent.list(),
    printPdf: options.printPdf,
  })
  return { library, index: () => index, events, service, dispatch: createDispatch(service) }
}

async function isExistingFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
}
