import { join } from 'node:path'
import type { CaseDoc } from '../../../common/model'
import { CASES_FOLDER, readCaseDoc, readCaseDocSync } from '../case-files'
import {
  caseIdsIn,
  inWaves,
  signatureOf,
  signatureOfSync,
  type CaseSignatures,
} from './case-signatures'
import { buildFrozenPostings } from './bulk-postings'
import { writeIndexFile } from './index-file'
import { BODY, toSearchDocument, type SearchDocument } from './search-document'

/** How often a blocking build reports progress (the async one reports once per wave). */
const PROGRESS_EVERY = 256

export interface BuildOptions {
  onProgress?: (done: number, total: number) => void
  /**
   * Read with blocking calls (readCaseDocSync): only in the worker thread, where nothing else
   * waits on the thread and the build is a third faster for it.
   */
  blocking?: boolean
}

/**
 * Reads every case of the library at `root` and writes a complete index file to `file`. This is
 * the whole cold build; it runs in a worker thread (index-build-worker.ts) so the app's main
 * thread keeps answering while thousands of cases are read and indexed. Damaged cases are left
 * out (the case list shows them with the reason).
 */
export async function buildIndexFile(
  root: string,
  file: string,
  { onProgress, blocking = false }: BuildOptions = {},
): Promise<{ caseCount: number }> {
  const ids = await caseIdsIn(root)
  const read: (SearchDocument | null)[] = new Array<SearchDocument | null>(ids.length).fill(null)
  const signatures: CaseSignatures = {}
  onProgress?.(0, ids.length)
  // The signature is taken before reading: if the case changes in between, the next check sees
  // a newer signature and reads it again, never the other way round.
  const keep = (i: number, signature: string | null, doc: CaseDoc | null) => {
    if (signature === null || doc === null) return
    signatures[ids[i]!] = signature
    read[i] = toSearchDocument(doc)
  }
  if (blocking) {
    ids.forEach((id, i) => {
      const signature = signatureOfSync(root, id)
      keep(
        i,
        signature,
        readOrNull(() => readCaseDocSync(join(root, CASES_FOLDER, id), id)),
      )
      if ((i + 1) % PROGRESS_EVERY === 0) onProgress?.(i + 1, ids.length)
    })
    onProgress?.(ids.length, ids.length)
  } else {
    const position = new Map(ids.map((id, i) => [id, i]))
    await inWaves(
      ids,
      async (id) => {
        const signature = await signatureOf(root, id)
        keep(
          position.get(id)!,
          signature,
          await readCaseDoc(join(root, CASES_FOLDER, id), id).catch(() => null),
        )
      },
      (done) => onProgress?.(done, ids.length),
    )
  }
  const docs = read.filter((d): d is SearchDocument => d !== null)
  await writeDocumentsIndex(file, root, docs, signatures)
  return { caseCount: docs.length }
}

function readOrNull(read: () => CaseDoc): CaseDoc | null {
  try {
    return read()
  } catch {
    return null
  }
}

/** Indexes `docs` (numbered in this order) and writes them as an index file. */
export async function writeDocumentsIndex(
  file: string,
  root: string,
  docs: SearchDocument[],
  signatures: CaseSignatures,
): Promise<void> {
  const short = buildFrozenPostings(docs.length, (n) => docs[n]!.fields.slice(0, BODY))
  const body = buildFrozenPostings(docs.length, (n) => [docs[n]!.fields[BODY]!])
  await writeIndexFile(file, { root, docs, signatures, postings: [short, body] })
}
