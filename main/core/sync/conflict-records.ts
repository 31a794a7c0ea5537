import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import type { SyncConflict } from '../../../common/model'
import { writeFileAtomic } from '../atomic-write'
import { isValidId } from '../ids'
import type { GitContext } from './git-context'
import { filesUnder } from './tree-diff'

/**
 * Conflicts are kept in the library itself, so that they travel with it and whoever syncs next
 * sees them too: a record `conflicts/<id>.json` per conflict; the other side of a case is a
 * whole conflict copy of the case (a normal case, so search finds it, marked in its title and
 * linked in `related`); the other side of any other file is stored byte for byte in
 * `conflicts/<id>/`.
 */
export const CONFLICTS_FOLDER = 'conflicts'
/** Marks a conflict copy's title (the original's title follows it). */
export const CONFLICT_TITLE_MARK = '【競合】'
/** Key in a conflict copy's case.json naming the case it is a copy of (format v1 carries unknown keys). */
export const CONFLICT_KEY = 'conflictOf'

export function newConflictId(now: Date, random: () => number): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  let suffix = ''
  for (let i = 0; i < 4; i++)
    suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  return `c-${stamp}-${suffix}`
}

export async function writeConflictRecord(root: string, conflict: SyncConflict): Promise<void> {
  const file = join(root, CONFLICTS_FOLDER, `${conflict.id}.json`)
  await mkdir(dirname(file), { recursive: true })
  await writeFileAtomic(file, `${JSON.stringify(conflict, null, 2)}\n`)
}

/** Every kept conflict, oldest first; unreadable records are skipped (they hold no content). */
export async function listConflicts(root: string): Promise<SyncConflict[]> {
  const folder = join(root, CONFLICTS_FOLDER)
  const names = await readdir(folder).catch(() => [] as string[])
  const records: SyncConflict[] = []
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const record = JSON.parse(await readFile(join(folder, name), 'utf8')) as SyncConflict
      if (record && typeof record.id === 'string' && `${record.id}.json` === name)
        records.push(record)
    } catch {
      // A half-synced or hand-edited record: its content is still in the library and history.
    }
  }
  return records.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}

export async function readConflict(root: string, id: string): Promise<SyncConflict | null> {
  return (await listConflicts(root)).find((c) => c.id === id) ?? null
}

export async function removeConflictRecord(root: string, id: string): Promise<void> {
  await rm(join(root, CONFLICTS_FOLDER, `${id}.json`), { force: true })
  await rm(join(root, CONFLICTS_FOLDER, id), { recursive: true, force: true })
}

/** Stores the other side of a non-case file under conflicts/<id>/ and returns its path. */
export async function keepOtherFile(
  root: string,
  conflictId: string,
  path: string,
  bytes: Uint8Array,
): Promise<string> {
  const copy = `${CONFLICTS_FOLDER}/${conflictId}/${posix.basename(path)}`
  await mkdir(join(root, CONFLICTS_FOLDER, conflictId), { recursive: true })
  await writeFileAtomic(join(root, copy), bytes)
  return copy
}

/**
 * Writes the other side's whole case folder (from commit `theirs`) as a new conflict copy of the
 * case and links both ways in `related`. Returns the copy's id and the other side's title.
 */
export async function keepOtherCase(
  ctx: GitContext,
  theirs: string,
  caseId: string,
  copyId: string,
  conflictId: string,
): Promise<{ title: string }> {
  const root = ctx.dir
  const files = await filesUnder(ctx, theirs, `cases/${caseId}`)
  let title = caseId
  for (const [relative, bytes] of files) {
    let content: Uint8Array | string = bytes
    if (relative === 'case.json') {
      const meta = parseObject(bytes)
      if (meta) {
        title = typeof meta.title === 'string' ? meta.title : caseId
        meta.id = copyId
        meta.title = `${CONFLICT_TITLE_MARK}${title}`.slice(0, 200)
        meta.related = addUnique(meta.related, caseId)
        meta[CONFLICT_KEY] = { caseId, conflictId }
        content = `${JSON.stringify(meta, null, 2)}\n`
      }
    }
    const target = join(root, 'cases', copyId, relative)
    await mkdir(dirname(target), { recursive: true })
    await writeFileAtomic(target, content)
  }
  await linkRelated(root, caseId, copyId)
  return { title }
}

/** Adds (or removes) `otherId` in the `related` list of a case on disk, without other changes. */
export async function linkRelated(
  root: string,
  caseId: string,
  otherId: string,
  remove = false,
): Promise<void> {
  const file = join(root, 'cases', caseId, 'case.json')
  const meta = parseObject(await readFile(file).catch(() => null))
  if (!meta) return
  const related = Array.isArray(meta.related) ? (meta.related as unknown[]) : []
  const next = remove ? related.filter((id) => id !== otherId) : addUnique(related, otherId)
  if (next.length === related.length && !remove) return
  if (next.length === 0) delete meta.related
  else meta.related = next
  await writeFileAtomic(file, `${JSON.stringify(meta, null, 2)}\n`)
}

/** A free id for a conflict copy of `caseId` (ids are at most 64 characters). */
export function conflictCopyId(caseId: string, conflictId: string): string {
  const id = `${caseId.slice(0, 40)}-conflict-${conflictId.slice(-4)}`
  return isValidId(id) ? id : `conflict-${conflictId}`
}

function parseObject(bytes: Uint8Array | null): Record<string, unknown> | null {
  if (!bytes) return null
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function addUnique(list: unknown, id: string): unknown[] {
  const items = Array.isArray(list) ? (list as unknown[]) : []
  return items.includes(id) ? items : [...items, id]
}
