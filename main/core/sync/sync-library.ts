import { resolve } from 'node:path'
import git from 'isomorphic-git'
import type { SyncConflict, SyncResult } from '../../../common/model'
import { applyMerge, stageTouched } from './apply-merge'
import { CONFLICTS_FOLDER } from './conflict-records'
import {
  BRANCH,
  REMOTE,
  gitContext,
  headOid,
  type GitContext,
  type SyncAuthor,
  type SyncCredentials,
} from './git-context'
import { ensureGitignore } from './gitignore'
import { assertLocalDisk } from './local-disk'
import { planMerge } from './merge-plan'
import { pushChanges } from './push-changes'
import { recordChanges } from './record-changes'
import { ensureRepository, writeSyncState } from './repository'
import { syncFailure } from './sync-errors'
import { withSyncLock } from './sync-lock'
import { diffCommits, itemOf } from './tree-diff'

export interface SyncOptions {
  author: SyncAuthor
  credentials?: SyncCredentials
  /** Connect the library to this remote (replaces the current one). */
  remote?: string
  /** Paths that may have changed since the last sync (the watcher's knowledge); all when absent. */
  paths?: string[]
  now?: () => Date
  random?: () => number
  /** How long a second sync waits for the first before refusing. */
  lockWaitMs?: number
  onProgress?: (phase: string, loaded: number, total: number) => void
}

export interface SyncOutcome extends SyncResult {
  /** Case ids changed by what arrived (for the index and the open windows). */
  changedCaseIds: string[]
}

// A push refused because someone pushed first is answered by fetching and merging again.
const MAX_ATTEMPTS = 5

/**
 * Syncs a library with its Git remote: records every local change as a commit, fetches, merges
 * (never losing a side: see merge-plan.ts), and pushes; a rejected push fetches, merges and tries
 * again. Never force-pushes. Failures leave local changes committed, to be sent next time.
 */
export async function syncLibrary(dir: string, options: SyncOptions): Promise<SyncOutcome> {
  // The path as given: resolving would turn a UNC path (//server/share) into a local-looking one.
  await assertLocalDisk(dir)
  const root = resolve(dir)
  await assertLocalDisk(root)
  const now = options.now ?? (() => new Date())
  const random = options.random ?? Math.random
  const ctx = gitContext(root, options.credentials)
  return withSyncLock(
    root,
    async () => {
      const remote = await ensureRepository(ctx, options.remote)
      await ensureGitignore(root)
      const conflicts: SyncConflict[] = []
      const received = new Set<string>()
      const changedCaseIds = new Set<string>()
      try {
        for (let attempt = 1; ; attempt++) {
          // Fetch first: wrong credentials or a server that is down then change nothing here.
          const theirs = await fetchRemote(ctx, options.onProgress)
          if (attempt === 1) {
            await recordChanges(ctx, { author: options.author, now: now(), paths: options.paths })
          }
          const merged = await mergeRemote(ctx, theirs, {
            now: now(),
            random,
            author: options.author,
            onProgress: options.onProgress,
          })
          conflicts.push(...merged.conflicts)
          merged.received.forEach((item) => received.add(item))
          merged.caseIds.forEach((id) => changedCaseIds.add(id))
          const ours = await headOid(ctx)
          if (!ours || ours === theirs) {
            return finish(ctx, { sent: 0, received, conflicts, changedCaseIds, now: now() })
          }
          // Conflict records are bookkeeping, not content: they are not counted.
          const sent = new Set(
            (await diffCommits(ctx, [theirs, ours]))
              .map((p) => itemOf(p.path))
              .filter((item) => !item.startsWith(`${CONFLICTS_FOLDER}/`)),
          )
          try {
            options.onProgress?.('push', 0, 1)
            await pushChanges(ctx, remote, ours)
            return finish(ctx, { sent: sent.size, received, conflicts, changedCaseIds, now: now() })
          } catch (error) {
            const code = (error as { code?: string }).code
            const rejected = code === 'PushRejectedError' || code === 'GitPushError'
            if (!rejected || attempt >= MAX_ATTEMPTS) throw error
          }
        }
      } catch (error) {
        throw syncFailure(error, remote)
      }
    },
    options.lockWaitMs,
  )
}

async function finish(
  ctx: GitContext,
  r: {
    sent: number
    received: Set<string>
    conflicts: SyncConflict[]
    changedCaseIds: Set<string>
    now: Date
  },
): Promise<SyncOutcome> {
  await writeSyncState(ctx.dir, { lastSyncedAt: r.now.toISOString(), ahead: 0, behind: 0 })
  return {
    status: r.conflicts.length > 0 ? 'conflicts' : 'synced',
    sent: r.sent,
    received: r.received.size,
    conflicts: r.conflicts,
    changedCaseIds: [...r.changedCaseIds],
  }
}

function gitArgs(ctx: GitContext) {
  return { fs: ctx.fs, http: ctx.http, dir: ctx.dir, cache: ctx.cache, onAuth: ctx.onAuth }
}

function progress(onProgress: SyncOptions['onProgress'], phase: string) {
  return onProgress
    ? (event: { phase: string; loaded: number; total?: number }) =>
        onProgress(`${phase}: ${event.phase}`, event.loaded, event.total ?? 0)
    : undefined
}

/** Fetches the remote branch; null when the remote is still empty. */
async function fetchRemote(
  ctx: GitContext,
  onProgress: SyncOptions['onProgress'],
): Promise<string | null> {
  const result = await git.fetch({
    ...gitArgs(ctx),
    remote: REMOTE,
    ref: BRANCH,
    singleBranch: true,
    tags: false,
    onProgress: progress(onProgress, 'fetch'),
  })
  return result.fetchHead ?? (await headOid(ctx, `refs/remotes/${REMOTE}/${BRANCH}`))
}

interface MergeOutcome {
  conflicts: SyncConflict[]
  received: string[]
  caseIds: string[]
}

/** Brings the fetched commit into the local branch: fast-forward when possible, else a merge commit. */
async function mergeRemote(
  ctx: GitContext,
  theirs: string | null,
  options: {
    now: Date
    random: () => number
    author: SyncAuthor
    onProgress: SyncOptions['onProgress']
  },
): Promise<MergeOutcome> {
  const ours = await headOid(ctx)
  const none = { conflicts: [], received: [], caseIds: [] }
  if (!theirs || ours === theirs) return none
  const args = { fs: ctx.fs, dir: ctx.dir, cache: ctx.cache }
  if (ours && (await git.isDescendent({ ...args, oid: ours, ancestor: theirs, depth: -1 })))
    return none
  const fastForward =
    !ours || (await git.isDescendent({ ...args, oid: theirs, ancestor: ours, depth: -1 }))
  const base = fastForward
    ? ours
    : (((await git.findMergeBase({ ...args, oids: [ours!, theirs] })) as string[])[0] ?? null)
  const plan = await planMerge(ctx, base, ours, theirs)
  const { commit } = await git.readCommit({ ...args, oid: theirs })
  options.onProgress?.('merge', 0, 1)
  const applied = await applyMerge(ctx, plan, {
    ours,
    theirs,
    theirAuthor: commit.author.name,
    now: options.now,
    random: options.random,
  })
  const count = plan.received.size
  const message =
    `${options.author.name}: 同期で ${count} 件を統合 (merged ${count} items from ${commit.author.name})` +
    (applied.conflicts.length > 0
      ? `、競合 ${applied.conflicts.length} 件を保存 (${applied.conflicts.length} conflicts kept for review)`
      : '')
  // The new commit's tree: the base plus what the merge wrote, found under the touched paths only.
  const record = (mergeParent?: string) =>
    recordChanges(ctx, {
      author: options.author,
      now: options.now,
      paths: applied.touched.length > 0 ? applied.touched : ['library.json'],
      message: `${message}\n`,
      ...(mergeParent ? { mergeParent } : {}),
    })
  if (fastForward) {
    await git.writeRef({ ...args, ref: `refs/heads/${BRANCH}`, value: theirs, force: true })
    await stageTouched(ctx, applied.touched, plan.deletes)
    // Nothing of ours to merge, unless a save landed during the merge (apply-merge.ts): then the
    // saved version and the copy of what arrived are recorded on top, so they travel too.
    if (applied.conflicts.length > 0) await record()
  } else await record(theirs)
  return { conflicts: applied.conflicts, received: [...plan.received], caseIds: applied.caseIds }
}
