import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitContext } from './git-context'
import { filesOnDisk } from './record-changes'
import { filesUnder } from './tree-diff'

/**
 * Whether the case folder `item` (`cases/<id>`) on disk differs from what commit `recorded` holds
 * for it. A sync records local changes first and merges afterwards; a save that lands in between
 * (the app's own, or another program's) is in no commit yet, and writing the merge over it would
 * lose it. Callers hold the case's lock while they ask and write, so no save slips in after.
 */
export async function changedSinceRecorded(
  ctx: GitContext,
  recorded: string | null,
  item: string,
): Promise<boolean> {
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
