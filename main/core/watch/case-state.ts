import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { CASE_BODY_FILE, CASE_META_FILE } from '../case-files'
import { filesHashOf } from '../case-files-hash'

export interface CaseState {
  /** SHA-256 over the files hash and the attachments' names and sizes. */
  hash: string
  /** SHA-256 over case.json and case.md alone (filesHashOf), for telling the app's own writes apart. */
  filesHash: string
}

/** filesHashOf the case files in `caseFolder` as they are now, or null when both are missing. */
export async function caseFilesHash(caseFolder: string): Promise<string | null> {
  const [meta, body] = await Promise.all([
    readFile(join(caseFolder, CASE_META_FILE)).catch(() => null),
    readFile(join(caseFolder, CASE_BODY_FILE)).catch(() => null),
  ])
  if (meta === null && body === null) return null
  return filesHashOf(meta ?? Buffer.alloc(0), body ?? Buffer.alloc(0))
}

const readOrEmpty = (path: string) => readFile(path).catch(() => Buffer.alloc(0))

/**
 * What a case folder holds now, as a hash of its content, or null when the folder is gone. Only
 * content counts: rewriting the same bytes, touching a file or an editor's backup file next to
 * case.md leaves the hash unchanged, so none of them is reported as a change.
 */
export async function caseState(caseFolder: string): Promise<CaseState | null> {
  const info = await stat(caseFolder).catch(() => null)
  if (!info?.isDirectory()) return null
  const [meta, body] = await Promise.all([
    readOrEmpty(join(caseFolder, CASE_META_FILE)),
    readOrEmpty(join(caseFolder, CASE_BODY_FILE)),
  ])
  // The two files are hashed once; the folder's hash adds the attachments to that.
  const filesHash = filesHashOf(meta, body)
  const hash = createHash('sha256').update(filesHash)
  const attachments = await readdir(join(caseFolder, ATTACHMENTS_FOLDER)).catch(
    () => [] as string[],
  )
  for (const name of attachments.filter((n) => !n.startsWith('.')).sort()) {
    const size = await stat(join(caseFolder, ATTACHMENTS_FOLDER, name)).then(
      (s) => s.size,
      () => -1,
    )
    hash.update(`\n${name}\t${size}`)
  }
  return { hash: hash.digest('hex'), filesHash }
}

/** Hash of one file's bytes, or null when it does not exist. */
export async function fileHash(path: string): Promise<string | null> {
  const data = await readFile(path).catch(() => null)
  return data === null ? null : createHash('sha256').update(data).digest('hex')
}
