import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseBackup } from '../../../common/model'
import { writeFileAtomic, type WriteSteps } from '../atomic-write'
import { CASES_FOLDER, CASE_BODY_FILE, CASE_META_FILE } from '../case-files'
import { assertValidId } from '../ids'
import { BACKUPS_FOLDER, newStamp, stampToIso } from './stamps'

export interface BackupDeps {
  now?: () => Date
  /** How many previous versions to keep per case (default 10). */
  keep?: number
  writeSteps?: WriteSteps
}

export type { CaseBackup }

export const DEFAULT_CASE_BACKUPS = 10

export function backupsOf(root: string, caseId: string): string {
  return join(root, BACKUPS_FOLDER, CASES_FOLDER, assertValidId(caseId))
}

/**
 * Copies the case's current case.json and case.md to `.backups/cases/<id>/<stamp>/` before they
 * are overwritten, and drops the oldest copies beyond `keep`. case.md is copied first and
 * case.json last, so a backup folder with a case.json is complete. A case without case.json
 * (not created yet) has nothing to back up. Call it while holding the case's lock.
 */
export async function backupBeforeWrite(
  library: { root: string },
  caseId: string,
  deps: BackupDeps = {},
): Promise<void> {
  const caseFolder = join(library.root, CASES_FOLDER, assertValidId(caseId))
  const meta = await readFile(join(caseFolder, CASE_META_FILE)).catch(missingAsNull)
  if (meta === null) return
  const body = await readFile(join(caseFolder, CASE_BODY_FILE)).catch(missingAsNull)
  const folder = backupsOf(library.root, caseId)
  await mkdir(folder, { recursive: true })
  const taken = new Set(await readdir(folder))
  const revision = revisionOf(meta)
  const base = `${newStamp(deps.now?.() ?? new Date())}-r${revision ?? 0}`
  let stamp = base
  for (let n = 2; taken.has(stamp); n++) stamp = `${base}-${n}`
  const target = join(folder, stamp)
  await mkdir(target)
  if (body !== null) await writeFileAtomic(join(target, CASE_BODY_FILE), body, deps.writeSteps)
  await writeFileAtomic(join(target, CASE_META_FILE), meta, deps.writeSteps)
  await prune(folder, deps.keep ?? DEFAULT_CASE_BACKUPS)
}

/** The backups of a case, newest first. */
export async function listBackups(
  library: { root: string },
  caseId: string,
): Promise<CaseBackup[]> {
  const folder = backupsOf(library.root, caseId)
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  const backups: CaseBackup[] = []
  for (const stamp of names
    .filter((n) => !n.startsWith('.'))
    .sort()
    .reverse()) {
    const meta = await readFile(join(folder, stamp, CASE_META_FILE), 'utf8').catch(() => null)
    if (meta === null) continue
    let parsed: Record<string, unknown> = {}
    try {
      parsed = JSON.parse(meta.replace(/^\uFEFF/, '')) as Record<string, unknown>
    } catch {
      // Listed all the same: it is what was on disk, even if that was damaged.
    }
    backups.push({
      stamp,
      takenAt: stampToIso(stamp),
      revision: typeof parsed.revision === 'number' ? parsed.revision : null,
      title: typeof parsed.title === 'string' ? parsed.title : null,
      updatedAt: typeof parsed.updatedAt === 'string' ? parsed.updatedAt : null,
    })
  }
  return backups
}

async function prune(folder: string, keep: number): Promise<void> {
  const names = (await readdir(folder)).filter((n) => !n.startsWith('.')).sort()
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    await rm(join(folder, name), { recursive: true, force: true })
  }
}

function revisionOf(meta: Buffer): number | undefined {
  try {
    const value = (
      JSON.parse(meta.toString('utf8').replace(/^\uFEFF/, '')) as { revision?: unknown }
    ).revision
    return typeof value === 'number' ? value : undefined
  } catch {
    return undefined
  }
}

function missingAsNull(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null
  throw error
}
