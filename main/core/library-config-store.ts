import { join } from 'node:path'
import { Low } from 'lowdb'
import type { WriteSteps } from './atomic-write'
import { backupLibraryConfig } from './backup/library-config-backups'

import { KbError, bilingual } from './errors'
import { withFolderLock } from './folder-lock'
import { AtomicJsonFile } from './json-file'
import { libraryConfigSchema, type LibraryConfig } from './library-config'
import { damagedFile, parseStoredValue } from './stored-json'
import { errorMessage } from '../../common/error-message'

export const LIBRARY_FILE = 'library.json'
/** The lock of library.json's read-modify-writes (sync's merge takes it too). */
export const LIBRARY_LOCK_FOLDER = '.library.lock'

/**
 * library.json, shared by everyone who opens the library. Every change is a read-modify-write
 * under a cross-process lock: the file is read again from disk, the change applied to what is
 * there now, validated, and written atomically, so two people changing different settings on a
 * shared drive never undo each other (an in-memory copy is never written back blindly).
 */
export class LibraryConfigStore {
  private cached: LibraryConfig

  constructor(
    private readonly root: string,
    initial: LibraryConfig,
    private readonly steps?: WriteSteps,
  ) {
    this.cached = initial
  }

  /** The settings as last read or written by this process. */
  get current(): LibraryConfig {
    return this.cached
  }

  /** Reads library.json from disk again (another process may have changed it). */
  async refresh(): Promise<LibraryConfig> {
    this.cached = await readConfig(this.db())
    return this.cached
  }

  /** Applies `change` to the file's current content under the lock and returns the result. */
  async update(change: (config: LibraryConfig) => LibraryConfig): Promise<LibraryConfig> {
    return withFolderLock(join(this.root, LIBRARY_LOCK_FOLDER), async () => {
      const db = this.db()
      const next = parseConfig(change(await readConfig(db)))
      db.data = next
      await backupLibraryConfig(this.root, { writeSteps: this.steps })
      await db.write()
      this.cached = next
      return next
    })
  }

  private db(): Low<unknown> {
    return new Low<unknown>(new AtomicJsonFile(join(this.root, LIBRARY_FILE), this.steps), null)
  }
}

/** Reads library.json into `db.data` (null when missing); a file that does not parse is damaged. */
export async function readLibraryFile(db: Low<unknown>): Promise<unknown> {
  try {
    await db.read()
  } catch (error) {
    const reason = errorMessage(error)
    throw damagedFile(
      LIBRARY_FILE,
      `JSONとして解釈できません（${reason}）`,
      `not valid JSON (${reason})`,
    )
  }
  return db.data
}

async function readConfig(db: Low<unknown>): Promise<LibraryConfig> {
  if ((await readLibraryFile(db)) === null) {
    throw new KbError(
      'not_found',
      bilingual('library.json がありません', 'library.json is missing'),
    )
  }
  return parseConfig(db.data)
}

export function parseConfig(data: unknown): LibraryConfig {
  return parseStoredValue(libraryConfigSchema, data, { label: LIBRARY_FILE })
}
