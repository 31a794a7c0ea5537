import { lstat, readdir, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_PREFIX } from '../atomic-write'
import { CASES_FOLDER } from '../case-files'
import { STAGING_PREFIX } from '../exchange/staging'

export interface StrayTempOptions {
  /** Only files older than this are strays; younger ones may be another writer's, in flight. */
  olderThanMs?: number
  now?: () => number
}

/**
 * Removes temp files (`.kbtmp-*`) that a crash or a killed process left anywhere under the
 * library, and half-written import folders (`cases/.import-*`), when they are older than a
 * minute: a younger one may belong to a save in progress on another machine. Symbolic links are
 * never followed. Returns how many were removed.
 */
export async function cleanStrayTempFiles(
  root: string,
  { olderThanMs = 60_000, now = Date.now }: StrayTempOptions = {},
): Promise<number> {
  const cutoff = now() - olderThanMs
  let removed = 0
  const casesFolder = join(root, CASES_FOLDER)
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = join(dir, entry.name)
      const isStaging =
        dir === casesFolder && entry.isDirectory() && entry.name.startsWith(STAGING_PREFIX)
      if (entry.name.startsWith(TEMP_PREFIX) || isStaging) {
        const info = await lstat(path).catch(() => null)
        if (!info || info.mtimeMs > cutoff) continue
        if (entry.isDirectory()) await rm(path, { recursive: true, force: true })
        else await unlink(path).catch(() => undefined)
        removed++
      } else if (entry.isDirectory() && depth < 6) {
        await walk(path, depth + 1)
      }
    }
  }
  await walk(root, 0)
  return removed
}
