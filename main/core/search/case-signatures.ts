import { statSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isValidId } from '../../../common/id-pattern'
import { CASE_BODY_FILE, CASE_META_FILE, CASES_FOLDER } from '../case-files'

/**
 * What a case's files looked like: size and mtime of case.json and case.md. The index records
 * the signature each case had just before it was read, so a mismatch at the next open (or after
 * the watcher starts) means the case changed since and is read again.
 */
export type CaseSignatures = Record<string, string>

// Thousands of parallel stats or reads exhaust handles on Windows and flood an SMB share.
export const IO_CONCURRENCY = 64

export async function caseIdsIn(root: string): Promise<string[]> {
  const entries = await readdir(join(root, CASES_FOLDER), { withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isDirectory() && isValidId(e.name))
    .map((e) => e.name)
    .sort()
}

export async function signatureOf(root: string, id: string): Promise<string | null> {
  const folder = join(root, CASES_FOLDER, id)
  const [meta, body] = await Promise.all([
    stat(join(folder, CASE_META_FILE)).catch(() => null),
    stat(join(folder, CASE_BODY_FILE)).catch(() => null),
  ])
  return signatureFrom(meta, body)
}

/** signatureOf with blocking stats, for the index build's worker thread (see readCaseDocSync). */
export function signatureOfSync(root: string, id: string): string | null {
  const folder = join(root, CASES_FOLDER, id)
  const statOf = (file: string) => {
    try {
      return statSync(join(folder, file), { throwIfNoEntry: false }) ?? null
    } catch {
      return null
    }
  }
  return signatureFrom(statOf(CASE_META_FILE), statOf(CASE_BODY_FILE))
}

type FileStat = { size: number; mtimeMs: number } | null

function signatureFrom(meta: FileStat, body: FileStat): string | null {
  if (!meta && !body) return null
  const part = (s: FileStat) => (s ? `${s.size}:${s.mtimeMs}` : '-')
  return `${part(meta)}|${part(body)}`
}

/**
 * Signatures of every case folder of the library (a folder without case files is left out), or
 * of the given folders when the caller has listed them already.
 */
export async function signaturesOf(
  root: string,
  listed?: Promise<string[]>,
): Promise<CaseSignatures> {
  const ids = await (listed ?? caseIdsIn(root))
  const out: CaseSignatures = {}
  await inWaves(ids, async (id) => {
    const signature = await signatureOf(root, id)
    if (signature !== null) out[id] = signature
  })
  return out
}

/** Runs `work` over `items`, IO_CONCURRENCY at a time, calling `afterWave` after each batch. */
export async function inWaves<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  afterWave?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += IO_CONCURRENCY) {
    await Promise.all(items.slice(i, i + IO_CONCURRENCY).map(work))
    afterWave?.(Math.min(items.length, i + IO_CONCURRENCY))
  }
}

/** Ids whose signature differs between `indexed` and `now` (changed, new or gone). */
export function changedIds(indexed: CaseSignatures, now: CaseSignatures): string[] {
  const out = new Set<string>()
  for (const id of Object.keys(now)) if (indexed[id] !== now[id]) out.add(id)
  for (const id of Object.keys(indexed)) if (now[id] === undefined) out.add(id)
  return [...out].sort()
}
