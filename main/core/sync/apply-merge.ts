import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import git from 'isomorphic-git'
import type { SyncConflict } from '../../../common/model'
import { writeFileAtomic } from '../atomic-write'
import { withFolderLock } from '../folder-lock'
import {
  conflictCopyId,
  keepOtherCase,
  keepOtherFile,
  newConflictId,
  writeConflictRecord,
  CONFLICTS_FOLDER,
} from './conflict-records'
import type { GitContext } from './git-context'
import { blobAt, changedSinceRecorded, lockOf } from './late-saves'
import type { MergePlan } from './merge-plan'
import { filesOnDisk } from './record-changes'
import { filesUnder, itemOf } from './tree-diff'

export interface AppliedMerge {
  conflicts: SyncConflict[]
  /** Library-relative paths written or deleted (to stage). */
  touched: string[]
  /** Case ids whose files changed, for the rest of the app (index, lists). */
  caseIds: string[]
}

interface ApplyOptions {
  /** The local commit the plan was made from (the local changes as recorded), null if none. */
  ours: string | null
  theirs: string
  /** The other side's author, named in conflict records. */
  theirAuthor: string
  now: Date
  random: () => number
}

/**
 * Carries out a merge plan in the working copy: writes what merged, keeps the other side of
 * every conflict beside the local version, and writes a conflict record for each. A case edited
 * on one side and deleted on the other survives whole: all of its files, from the side that kept it.
 */
export async function applyMerge(
  ctx: GitContext,
  plan: MergePlan,
  options: ApplyOptions,
): Promise<AppliedMerge> {
  const root = ctx.dir
  const touched = new Set<string>()
  const keptLocally = new Set<string>()
  for (const { path, editedBy } of plan.editDeleted) {
    const item = itemOf(path)
    if (!item.startsWith('cases/')) continue
    if (editedBy === 'local') keptLocally.add(item)
    else {
      // Deleted here, edited there: bring back the whole case as the other side has it.
      for (const [relative, bytes] of await filesUnder(ctx, options.theirs, item)) {
        if (!plan.writes.has(`${item}/${relative}`)) plan.writes.set(`${item}/${relative}`, bytes)
      }
    }
  }
  const lateSaved = new Set<string>()
  for (const [item, work] of byItem(plan, keptLocally)) {
    const lock = await lockOf(root, item)
    if (lock) {
      // The lock the app's own save of this item takes: no save lands between check and write.
      await withFolderLock(lock, async () => {
        if (await changedSinceRecorded(ctx, options.ours, item)) lateSaved.add(item)
        else await carryOut(root, work, touched)
      })
      if (lateSaved.has(item)) continue
    } else await carryOut(root, work, touched)
    // Only now, with the lock released: its folder must not keep an emptied case folder alive.
    for (const path of work.deletes) await removeEmptyFolders(root, dirname(path))
  }
  // Saved after the local changes were recorded: the saved version stays, and what arrived is
  // kept beside it like anything changed on both sides (or, when the other side deleted it, the
  // save wins like any edit against a deletion).
  for (const item of lateSaved) {
    const caseId = /^cases\/([^/]+)$/.exec(item)?.[1]
    if (caseId !== undefined) {
      const theirsHasIt = (await filesUnder(ctx, options.theirs, item).catch(() => null))?.size
      if (theirsHasIt) {
        if (!plan.caseConflicts.has(caseId))
          plan.caseConflicts.set(caseId, { files: [], fields: [] })
      } else if (!plan.editDeleted.some((e) => e.path === item)) {
        plan.editDeleted.push({ path: item, editedBy: 'local' })
      }
    } else {
      const theirs = await blobAt(ctx, options.theirs, item)
      if (theirs) plan.fileConflicts.push({ path: item, theirs, fields: [] })
      else plan.editDeleted.push({ path: item, editedBy: 'local' })
    }
    touched.add(item)
  }

  const conflicts: SyncConflict[] = []
  const at = options.now.toISOString()
  const by = options.theirAuthor
  for (const [caseId, { fields }] of plan.caseConflicts) {
    const id = newConflictId(options.now, options.random)
    const copy = conflictCopyId(caseId, id)
    await keepOtherCase(ctx, options.theirs, caseId, copy, id)
    const title = (await localTitle(root, caseId)) ?? caseId
    const record: SyncConflict = { id, kind: 'case', path: caseId, title, copy, fields, at, by }
    await writeConflictRecord(root, record)
    conflicts.push(record)
    touched.add(`cases/${caseId}`).add(`cases/${copy}`)
  }
  for (const { path, theirs, fields } of plan.fileConflicts) {
    const id = newConflictId(options.now, options.random)
    const copy = await keepOtherFile(root, id, path, theirs)
    const record: SyncConflict = { id, kind: 'file', path, title: path, copy, fields, at, by }
    await writeConflictRecord(root, record)
    conflicts.push(record)
  }
  for (const { path } of plan.editDeleted) {
    const item = itemOf(path)
    if (conflicts.some((c) => c.kind === 'edit-delete' && c.path === item)) continue
    const id = newConflictId(options.now, options.random)
    const caseId = item.startsWith('cases/') ? item.slice(6) : undefined
    const title = (caseId && (await localTitle(root, caseId))) || item
    const record: SyncConflict = { id, kind: 'edit-delete', path: item, title, fields: [], at, by }
    await writeConflictRecord(root, record)
    conflicts.push(record)
  }
  if (conflicts.length > 0) touched.add(CONFLICTS_FOLDER)
  const caseIds = [...touched]
    .map((path) => /^cases\/([^/]+)/.exec(path)?.[1])
    .filter((id): id is string => id !== undefined)
  return { conflicts, touched: [...touched], caseIds: [...new Set(caseIds)] }
}

/**
 * Brings the index up to date for the touched paths after a fast-forward (the new commit already
 * records them): without reading the other 10,000 case folders, as statusMatrix would.
 */
export async function stageTouched(
  ctx: GitContext,
  touched: string[],
  deleted: string[],
): Promise<void> {
  const present = new Set<string>()
  for (const path of touched) for (const file of await filesOnDisk(ctx.dir, path)) present.add(file)
  const files = [...present]
  for (let i = 0; i < files.length; i += 500) {
    const filepath = files.slice(i, i + 500)
    await git.add({ fs: ctx.fs, dir: ctx.dir, filepath, cache: ctx.cache, parallel: true })
  }
  for (const filepath of deleted) {
    if (!present.has(filepath))
      await git.remove({ fs: ctx.fs, dir: ctx.dir, filepath, cache: ctx.cache })
  }
}

async function localTitle(root: string, caseId: string): Promise<string | null> {
  try {
    const meta = JSON.parse(await readFile(join(root, 'cases', caseId, 'case.json'), 'utf8')) as {
      title?: unknown
    }
    return typeof meta.title === 'string' ? meta.title : null
  } catch {
    return null
  }
}

/** After a deletion, removes the folders it left empty (a deleted case leaves no empty folder). */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current && current !== '.'; current = dirname(current)) {
    const entries = await readdir(join(root, current)).catch(() => null)
    if (entries === null || entries.some((name) => !name.startsWith('.'))) return
    // Only hidden leftovers (a stale lock, a temp file) remain: they belong to no one now.
    await rm(join(root, current), { recursive: true, force: true })
  }
}

interface ItemWork {
  writes: [string, Uint8Array][]
  deletes: string[]
}

/** The plan's writes and deletions by item (a case folder, or a file outside cases/). */
function byItem(plan: MergePlan, keptLocally: Set<string>): Map<string, ItemWork> {
  const items = new Map<string, ItemWork>()
  const workOf = (path: string) => {
    const item = itemOf(path)
    let work = items.get(item)
    if (!work) items.set(item, (work = { writes: [], deletes: [] }))
    return work
  }
  for (const [path, bytes] of plan.writes) workOf(path).writes.push([path, bytes])
  for (const path of plan.deletes)
    if (!keptLocally.has(itemOf(path))) workOf(path).deletes.push(path)
  return items
}

async function carryOut(root: string, work: ItemWork, touched: Set<string>): Promise<void> {
  for (const [path, bytes] of work.writes) {
    const target = join(root, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFileAtomic(target, bytes)
    touched.add(path)
  }
  for (const path of work.deletes) {
    await rm(join(root, path), { force: true })
    touched.add(path)
  }
}
