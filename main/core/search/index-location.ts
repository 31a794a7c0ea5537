import { createHash } from 'node:crypto'
import { basename, join, resolve } from 'node:path'

/** Folder under the per-user app-data folder that holds one index folder per library. */
export const INDEX_ROOT_FOLDER = 'search-index'

/**
 * Where this user keeps the search index of the library at `libraryRoot`: derived data belongs to
 * the user, not to the library, so a library on a read-only share still opens and searches, and
 * users of one shared drive never race each other writing index files into it. The desktop app,
 * the web host and the CLI all call this with the same app-data folder, so they share one index.
 *
 * The folder is keyed by the resolved path (case-folded on Windows and macOS, whose file systems
 * usually ignore case), hashed so any path makes a valid folder name; the library's own folder
 * name is kept in front only so a person browsing app data can tell the folders apart.
 */
export function indexFolderFor(
  appData: string,
  libraryRoot: string,
  platform: NodeJS.Platform = process.platform,
): string {
  let key = resolve(libraryRoot)
  if (platform === 'win32' || platform === 'darwin') key = key.toLowerCase()
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16)
  const label = basename(key)
    .replace(/[^a-zA-Z0-9_-]/g, '')
    .slice(0, 24)
  return join(appData, INDEX_ROOT_FOLDER, label ? `${label}-${hash}` : hash)
}
