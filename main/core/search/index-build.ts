import { join } from 'node:path'
import { CASES_FOLDER, readCaseDoc } from '../case-files'
import { caseIdsIn, inWaves, signatureOf, type CaseSignatures } from './case-signatures'
import { writeIndexFile } from './index-file'
import { NgramIndex } from './ngram-index'
import { BODY, toSearchDocument, type SearchDocument } from './search-document'

/**
 * Reads every case of the library at `root` and writes a complete index file to `file`. This is
 * the whole cold build; it runs in a worker thread (index-build-worker.ts) so the app's main
 * thread keeps answering while thousands of cases are read and indexed. Damaged cases are left
 * out (the case list shows them with the reason).
 */
export async function buildIndexFile(
  root: string,
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ caseCount: number }> {
  const ids = await caseIdsIn(root)
  const read: (SearchDocument | null)[] = new Array<SearchDocument | null>(ids.length).fill(null)
  const signatures: CaseSignatures = {}
  onProgress?.(0, ids.length)
  const position = new Map(ids.map((id, i) => [id, i]))
  await inWaves(
    ids,
    async (id) => {
      // The signature is taken before reading: if the case changes in between, the next check
      // sees a newer signature and reads it again, never the other way round.
      const signature = await signatureOf(root, id)
      const doc = await readCaseDoc(join(root, CASES_FOLDER, id), id).catch(() => null)
      if (signature === null || doc === null) return
      signatures[id] = signature
      read[position.get(id)!] = toSearchDocument(doc)
    },
    (done) => onProgress?.(done, ids.length),
  )
  const docs = read.filter((d): d is SearchDocument => d !== null)
  await writeDocumentsIndex(file, root, docs, signatures)
  return { caseCount: docs.length }
}

/** Indexes `docs` (numbered in this order) and writes them as an index file. */
export async function writeDocumentsIndex(
  file: string,
  root: string,
  docs: SearchDocument[],
  signatures: CaseSignatures,
): Promise<void> {
  const shortIndex = new NgramIndex()
  const bodyIndex = new NgramIndex()
  docs.forEach((doc, n) => {
    shortIndex.add(n, doc.fields.slice(0, BODY))
    bodyIndex.add(n, [doc.fields[BODY]!])
  })
  await writeIndexFile(file, { root, docs, signatures, indexes: [shortIndex, bodyIndex] })
}
