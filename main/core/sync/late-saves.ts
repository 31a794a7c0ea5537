import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { CASE_LOCK_FOLDER } from '../backup/overwrite-case'
import { deckLockName } from '../decks/deck-store'
import { LIBRARY_LOCK_FOLDER } from '../library-config-store'
import type { GitContext } from './git-context'
import { filesOnDisk } from './record-changes'
import { filesUnder } from './tree-diff'

/**
 * Whether `item` (a case folder `cases/<id>`, or a file such as library.json or a deck) differs
 * on disk from what commit `recorded` holds for it. A sync records local changes first and
 * merges afterwards; a save that lands in between (the app's own, or another program's) is in no
 * commit yet, and writing the merge over it would lose it. Callers hold the item's lock (see
 * lockOf) while they ask and write, so no save of the app slips in after.
 */
export async function changedSinceRecorded(
  ctx: GitContext,
  recorded: string | null,
  item: string,
): Promise<boolean> {
  if (!item.startsWith('cases/')) {
    const onDisk = await readFile(join(ctx.dir, item)).catch(() => null)
    const committed = recorded ? await blobAt(ctx, recorded, item) : null
    if (onDisk === null || committed === null) return onDisk !== committed
    return Buffer.compare(onDisk, committed) !== 0
  }
  const inCommit = recorded
    ? await filesUnder(ctx, recorded, item).catch(() => new Map<string, Uint8Array>())
    : new Map<string, Uint8Array>()
  const onDisk = await filesOnDisk(ctx.dir, item)
  if (onDisk.length !== inCommit.size) return true
  for (const path of onDisk) {
    const committed = inCommit.get(path.slice(item.length + 1))
    if (!committed) return true
    const bytes = await readFile(join(ctx.dir, path)).catch(() => null)
    if (!bytes || Buffer.compare(bytes, committed) !== 0) return true
  }
  return false
}

/** The file at `path` in `commit`, or null when the commit has none there. */
export async function blobAt(
  ctx: GitContext,
  commit: string,
  path: string,
): Promise<Uint8Array | null> {
  try {
    const { blob } = await git.readBlob({
      fs: ctx.fs,
      dir: ctx.dir,
      oid: commit,
      filepath: path,
      cache: ctx.cache,
    })
    return blob
  } catch {
    return null
  }
}

/**
 * The lock the app's own writers of `item` hold (a case's save, library.json's updates, a deck's
 * save), when the item exists here; null for anything else (new items, paths, attachments'
 * neighbours), which no save of the app can be writing at that moment.
 */
export async function lockOf(root: string, item: string): Promise<string | null> {
  let lock: string | null = null
  if (/^cases\/[^/]+$/.test(item)) lock = join(root, item, CASE_LOCK_FOLDER)
  else if (item === 'library.json') lock = join(root, LIBRARY_LOCK_FOLDER)
  else {
    const deck = /^decks\/([^/]+)\.json$/.exec(item)?.[1]
    if (deck) lock = join(root, 'decks', deckLockName(deck))
  }
  if (lock === null) return null
  const present = await stat(join(root, item)).then(
    () => true,
    () => false,
  )
  return present ? lock : null
}
