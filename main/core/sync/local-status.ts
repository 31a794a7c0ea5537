import git from 'isomorphic-git'
import { BRANCH, REMOTE, gitContext, headOid } from './git-context'
import { isRepository } from './repository'

export interface LocalSyncStatus {
  /** Files changed in the folder since the last commit. */
  pending: number
  /** Commits the local branch has that the remote (as last fetched) has not, and vice versa. */
  ahead: number
  behind: number
}

// Counting stops here; the status shows "100+" rather than walking a long history.
const MAX_COUNT = 100

/** What is waiting to be synced, from the working copy and the last fetch; no network. */
export async function localSyncStatus(root: string): Promise<LocalSyncStatus> {
  if (!(await isRepository(root))) return { pending: 0, ahead: 0, behind: 0 }
  const ctx = gitContext(root)
  const rows = await git.statusMatrix({ fs: ctx.fs, dir: root, cache: ctx.cache }).catch(() => [])
  const pending = rows.filter(([, head, workdir]) => !(head === 1 && workdir === 1)).length
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
