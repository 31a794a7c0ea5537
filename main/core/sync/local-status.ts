import git from 'isomorphic-git'
import { BRANCH, REMOTE, gitContext, headOid } from './git-context'
import { countChanges } from './record-changes'
import { isRepository } from './repository'
import { withSyncLock } from './sync-lock'

export interface LocalSyncStatus {
  /** Files changed in the folder since the last commit. */
  pending: number
  /** Commits the local branch has that the remote (as last fetched) has not, and vice versa. */
  ahead: number
  behind: number
}

// Counting stops here; the status shows "100+" rather than walking a long history.
const MAX_COUNT = 100

/**
 * What is waiting to be synced, from the last fetch; no network. `pending` counts the changed
 * files by comparing the folder with the index, unless the caller already knows (the app tracks
 * what it and the watcher saw change since the last sync, which is much cheaper at 10,000 cases).
 */
export async function localSyncStatus(
  root: string,
  knownPending?: number,
): Promise<LocalSyncStatus> {
  if (!(await isRepository(root))) return { pending: 0, ahead: 0, behind: 0 }
  const ctx = gitContext(root)
  // Counting may refresh the index, so never while a sync (here or in another process) runs.
  const pending =
    knownPending ?? (await withSyncLock(root, () => countChanges(ctx), 0).catch(() => 0))
  const ours = await headOid(ctx)
  const theirs = await headOid(ctx, `refs/remotes/${REMOTE}/${BRANCH}`)
  return {
    pending,
    ahead: await countOnlyIn(ctx, ours, theirs),
    behind: await countOnlyIn(ctx, theirs, ours),
  }
}

async function countOnlyIn(
  ctx: ReturnType<typeof gitContext>,
  tip: string | null,
  other: string | null,
): Promise<number> {
  if (!tip || tip === other) return 0
  const log = await git.log({
    fs: ctx.fs,
    dir: ctx.dir,
    ref: tip,
    depth: MAX_COUNT,
    cache: ctx.cache,
  })
  let count = 0
  for (const { oid } of log) {
    if (
      other &&
      (oid === other ||
        (await git.isDescendent({
          fs: ctx.fs,
          dir: ctx.dir,
          oid: other,
          ancestor: oid,
          depth: -1,
          cache: ctx.cache,
        })))
    )
      break
    count++
  }
  return count
}
