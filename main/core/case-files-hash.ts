import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseDoc, CaseMeta } from '../../common/model'
import { CASE_BODY_FILE, CASE_META_FILE, caseDocFromBytes, missingAsNull } from './case-files'

/**
 * What a case's two files hold, by content: one hash over the bytes of case.json and case.md.
 * A save compares it with the hash of what the editor loaded, so an edit of case.md by another
 * program (which leaves case.json's revision as it was) is still a conflict. The watcher uses
 * the same hash to tell the app's own writes apart.
 */
export function filesHashOf(meta: Uint8Array | string, body: Uint8Array | string): string {
  const m = typeof meta === 'string' ? Buffer.from(meta, 'utf8') : meta
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  return createHash('sha256')
    .update(`${m.byteLength}:`)
    .update(m)
    .update(`${b.byteLength}:`)
    .update(b)
    .digest('hex')
}

/** case.json's bytes as AtomicJsonFile writes them (tests/core/watch prove the two agree). */
export function caseJsonText(meta: CaseMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`
}

/** filesHashOf the files the case store writes for `doc`. */
export function writtenFilesHash(doc: CaseDoc): string {
  return filesHashOf(caseJsonText(doc.meta), doc.body)
}

/**
 * Reads a case and hashes the very bytes it was parsed from, so the hash can never describe a
 * newer file than the document (as reading and hashing separately could, with a write between).
 * A missing case.md is an empty body and hashes as empty bytes, as in caseFilesHash.
 */
export async function readCaseWithHash(
  caseFolder: string,
  id: string,
): Promise<CaseDoc & { filesHash: string }> {
  const bytesOf = (file: string) => readFile(join(caseFolder, file)).catch(missingAsNull)
  const [meta, body] = await Promise.all([bytesOf(CASE_META_FILE), bytesOf(CASE_BODY_FILE)])
  const doc = caseDocFromBytes(id, meta, body)
  return { ...doc, filesHash: filesHashOf(meta!, body ?? Buffer.alloc(0)) }
}
