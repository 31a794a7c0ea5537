import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { renameWithRetry, writeFileAtomic, type WriteSteps } from '../atomic-write'
import { KbError, bilingual } from '../errors'
import { withFolderLock } from '../folder-lock'
import { libraryConfigSchema } from '../library-config'
import { BACKUPS_FOLDER, newStamp, stampToIso } from './stamps'

export const DEFAULT_CONFIG_BACKUPS = 20
/** The lock LibraryConfigStore.update holds; a fallback must not interleave with an update. */
export const LIBRARY_LOCK = '.library.lock'
// Not imported from library-config-store: that module calls backupLibraryConfig (no cycle).
export const LIBRARY_FILE = 'library.json'

export interface ConfigBackupDeps {
  now?: () => Date
  keep?: number
  writeSteps?: WriteSteps
}

export interface ConfigBackup {
  stamp: string
  takenAt: string
  name: string | null
}

export const folderOf = (root: string) => join(root, BACKUPS_FOLDER, 'library')

/** The text of library.json when it is a valid format v1 file, else null. */
export function goodConfig(text: string | null): string | null {
  if (text === null) return null
  try {
    return libraryConfigSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, ''))).success
      ? text
      : null
  } catch {
    return null
  }
}

export const readText = (path: string) => readFile(path, 'utf8').catch(() => null)

/**
 * Copies library.json to `.backups/library/<stamp>.json` when it is valid and differs from the
 * newest backup, keeping the last `keep` (default 20). A damaged library.json is never taken as a
 * backup, so the newest backup is always one that opens. Returns the stamp, or null if skipped.
 */
export async function backupLibraryConfig(
  root: string,
  deps: ConfigBackupDeps = {},
): Promise<string | null> {
  const text = goodConfig(await readText(join(root, LIBRARY_FILE)))
  if (text === null) return null
  const folder = folderOf(root)
  const [newest] = await listLibraryConfigBackups(root)
  if (newest && (await readText(join(folder, `${newest.stamp}.json`))) === text) return null
  await mkdir(folder, { recursive: true })
  const taken = new Set(await readdir(folder))
  const base = newStamp(deps.now?.() ?? new Date())
  let stamp = base
  for (let n = 2; taken.has(`${stamp}.json`); n++) stamp = `${base}-${n}`
  await writeFileAtomic(join(folder, `${stamp}.json`), text, deps.writeSteps)
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort()
  const keep = deps.keep ?? DEFAULT_CONFIG_BACKUPS
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    await rm(join(folder, name), { force: true })
  }
  return stamp
}

/** Backups of library.json, newest first. */
export async function listLibraryConfigBackups(root: string): Promise<ConfigBackup[]> {
  const folder = folderOf(root)
  const names = await readdir(folder).catch(() => [] as string[])
  const stamps = names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort()
    .reverse()
  return Promise.all(
    stamps.map(async (stamp) => {
      const text = await readText(join(folder, `${stamp}.json`))
      let name: string | null = null
      try {
        const data = JSON.parse(text ?? '') as { name?: unknown }
        if (typeof data.name === 'string') name = data.name
      } catch {
        // A damaged backup is listed by its stamp only.
      }
      return { stamp, takenAt: stampToIso(stamp), name }
    }),
  )
}

/**
 * Puts a backup of library.json back, under the library lock. The current file is backed up
 * first when it is valid, or moved aside as `library.json.damaged-<stamp>` when it is not, so
 * restoring never destroys anything.
 */
export async function restoreLibraryConfig(
  root: string,
  stamp: string,
  deps: ConfigBackupDeps = {},
): Promise<void> {
  const text = goodConfig(await readText(join(folderOf(root), `${stamp}.json`)))
  if (text === null) {
    throw new KbError(
      'not_found',
      bilingual(
        `library.json のバックアップ「${stamp}」がないか、読めません`,
        `Backup "${stamp}" of library.json is missing or damaged`,
      ),
    )
  }
  await withFolderLock(join(root, LIBRARY_LOCK), async () => {
    if ((await backupLibraryConfig(root, deps)) === null) await moveAsideIfDamaged(root, deps)
    await writeFileAtomic(join(root, LIBRARY_FILE), text, deps.writeSteps)
  })
}

export async function moveAsideIfDamaged(
  root: string,
  deps: ConfigBackupDeps,
): Promise<string | null> {
  const path = join(root, LIBRARY_FILE)
  const current = await readText(path)
  if (current === null || goodConfig(current) !== null) return null
  const aside = `${LIBRARY_FILE}.damaged-${newStamp(deps.now?.() ?? new Date())}`
  await renameWithRetry(path, join(root, aside), deps.writeSteps)
  return aside
}
