import { join } from 'node:path'
import { withFolderLock } from '../folder-lock'
import { alreadySyncing } from './sync-errors'

// Hidden, so .gitignore keeps it out and the watcher ignores it; outside .git, which may not exist yet.
const LOCK = '.kb-sync.lock'

/**
 * One sync of a library at a time, across windows, the CLI and the web host: isomorphic-git
 * must never run two operations on one repository at once. The lock is a hidden folder in the library
 * (mkdir is atomic); a lock older than 30 minutes is taken to be left by a crash. A second sync
 * waits up to `waitMs`, then refuses with a message.
 */
export async function withSyncLock<T>(
  dir: string,
  fn: () => Promise<T>,
  waitMs = 15_000,
): Promise<T> {
  let entered = false
  try {
    return await withFolderLock(
      join(dir, LOCK),
      () => {
        entered = true
        return fn()
      },
      { staleMs: 30 * 60_000, timeoutMs: waitMs },
    )
  } catch (error) {
    if (!entered) {
      const code = (error as { code?: string }).code
      if (code === 'conflict') throw alreadySyncing()
    }
    throw error
  }
}
