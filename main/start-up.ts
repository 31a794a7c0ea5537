import { join, resolve } from 'node:path'
import { seedSampleLibrary } from './core/library'
import { appDataFolder, defaultLibraryFolder } from './core/user-paths'
import type { LibrarySession } from './library-session'

/** What the user chose after the library could not be opened at start. */
export type StartChoice = 'choose' | 'retry' | 'sample' | 'quit'

export interface StartFailure {
  /** The folder that could not be opened. */
  libraryDir: string
  /** Why, in Japanese and English (core's KbError messages already are). */
  reason: string
}

export interface StartUpDeps {
  /** Opens a session on `libraryDir`, or on the user's default library when undefined. */
  open(libraryDir: string | undefined): Promise<LibrarySession>
  /** The bundled sample library (inside app.asar when packaged). */
  sampleDir: string
  askAfterFailure(failure: StartFailure): Promise<StartChoice>
  pickFolder(): Promise<string | null>
}

/** Where 「サンプルを開く」 puts its copy of the sample: apart from the user's own library. */
export function sampleLibraryFolder(): string {
  return join(appDataFolder(), 'sample-library')
}

/**
 * Opens the library the app starts with. When that fails (KB_LIBRARY on a share that is not
 * reachable, a folder that is not a library, a damaged library.json without a good backup), the
 * user is told why and chooses: another folder, retry, the sample, or quit. Resolves to null
 * when the user quits; never rejects, so the start can never end in an invisible process.
 */
export async function openStartLibrary(deps: StartUpDeps): Promise<LibrarySession | null> {
  // undefined: the default library (KB_LIBRARY, or the user's own, seeded on first start).
  let target: string | undefined
  let seedFirst = false
  for (;;) {
    try {
      if (target !== undefined && seedFirst) await seedSampleLibrary(deps.sampleDir, target)
      return await deps.open(target)
    } catch (error) {
      const failure = {
        libraryDir: resolve(target ?? defaultLibraryFolder()),
        reason: error instanceof Error ? error.message : String(error),
      }
      const choice = await deps.askAfterFailure(failure).catch((): StartChoice => 'quit')
      if (choice === 'quit') return null
      if (choice === 'sample') [target, seedFirst] = [sampleLibraryFolder(), true]
      if (choice === 'choose') {
        const picked = await deps.pickFolder().catch(() => null)
        if (picked) [target, seedFirst] = [picked, false]
      }
      // 'retry', or a cancelled folder dialog: the same library again.
    }
  }
}
