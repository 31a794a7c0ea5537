import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../atomic-write'
import { KbError, bilingual } from '../errors'
import { withFolderLock } from '../folder-lock'
import { openLibrary, type Library, type OpenOptions } from '../library'
import {
  LIBRARY_FILE,
  LIBRARY_LOCK,
  backupLibraryConfig,
  folderOf,
  goodConfig,
  listLibraryConfigBackups,
  moveAsideIfDamaged,
  readText,
  type ConfigBackupDeps,
} from './library-config-backups'
import { cleanStrayTempFiles } from './stray-temp'

/**
 * Opens a library like openLibrary, but a damaged library.json falls back to the newest backup
 * that is valid: the damaged file is moved aside as `library.json.damaged-<stamp>` (never
 * overwritten or deleted) and `notice` says so in both languages, for the app to show. Without
 * a good backup the original `damaged` error stands. Also takes a backup of library.json when it
 * changed since the last one, and cleans stray temp files left by a crash in the background
 * (`strayCleanup`): that walk visits every case folder (about a second at 10,000 cases), and
 * nothing the user does needs to wait for it.
 */
export async function openLibraryWithFallback(
  dir: string,
  options: OpenOptions & ConfigBackupDeps = {},
): Promise<{ library: Library; notice?: string; strayCleanup: Promise<number> }> {
  const root = resolve(dir)
  let library: Library
  let notice: string | undefined
  try {
    library = await openLibrary(root, options)
  } catch (error) {
    if (!(error instanceof KbError) || error.code !== 'damaged') throw error
    const restored = await withFolderLock(join(root, LIBRARY_LOCK), () =>
      fallBackToBackup(root, options),
    )
    if (restored === null) throw error
    library = await openLibrary(root, options)
    notice = restored.aside
      ? bilingual(
          `library.json が壊れていたため、${restored.takenAt} のバックアップから復元しました。壊れたファイルは ${restored.aside} として残してあります。`,
          `library.json was damaged and has been restored from the backup of ${restored.takenAt}. The damaged file was kept as ${restored.aside}.`,
        )
      : undefined
  }
  const strayCleanup = cleanStrayTempFiles(library.root).catch(() => 0)
  await backupLibraryConfig(library.root, options).catch(() => null)
  return notice ? { library, notice, strayCleanup } : { library, strayCleanup }
}

async function fallBackToBackup(
  root: string,
  deps: ConfigBackupDeps,
): Promise<{ takenAt: string; aside: string | null } | null> {
  // Someone else may have repaired it while we waited for the lock.
  if (goodConfig(await readText(join(root, LIBRARY_FILE))) !== null) {
    return { takenAt: '', aside: null }
  }
  for (const backup of await listLibraryConfigBackups(root)) {
    const text = goodConfig(await readText(join(folderOf(root), `${backup.stamp}.json`)))
    if (text === null) continue
    const aside = await moveAsideIfDamaged(root, deps)
    await writeFileAtomic(join(root, LIBRARY_FILE), text, deps.writeSteps)
    return { takenAt: backup.takenAt, aside }
  }
  return null
}
