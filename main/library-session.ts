import { createDispatch, type Dispatch } from './api/dispatch'
import { EventHub } from './api/events'
import { createKbService } from './api/service'
import { openLibrary, seedSampleLibrary, type Library } from './core/library'
import { defaultLibraryFolder } from './core/user-paths'
import type { KbApi } from '../preload/contract'

export interface LibrarySession {
  library: () => Library
  events: EventHub
  service: KbApi
  dispatch: Dispatch
}

export interface SessionOptions {
  /** The library folder; the user's default library when absent. */
  libraryDir?: string
  /** The bundled sample library, copied into the default library on first start. */
  sampleDir: string
}

/**
 * Opens the library and builds the services over it: what the desktop app, the web host and the
 * tests share. The default library is seeded from the sample the first time, so a new user sees
 * a living library at once; a folder named explicitly is opened as it is (or created if empty).
 */
export async function openLibrarySession(options: SessionOptions): Promise<LibrarySession> {
  const dir = options.libraryDir ?? defaultLibraryFolder()
  if (!options.libraryDir) await seedSampleLibrary(options.sampleDir, dir)
  const current = await openLibrary(dir, { create: true })
  const events = new EventHub()
  const library = () => current
  const service = createKbService(library, events)
  return { library, events, service, dispatch: createDispatch(service) }
}
