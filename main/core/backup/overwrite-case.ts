import { join } from 'node:path'
import type { CaseDoc, CaseMeta } from '../../../common/model'
import { readCaseDoc, withDerivedFields, writeCaseDoc } from '../case-files'
import { writtenFilesHash } from '../case-files-hash'
import { notFound } from '../case-store'
import { withFolderLock } from '../folder-lock'
import type { Library } from '../library'
import { backupBeforeWrite, type BackupDeps } from './case-backups'

/** The lock folder CaseStore.save holds inside a case folder; we must respect the same one. */
export const CASE_LOCK_FOLDER = '.lock'
const OWNED_KEYS = ['schema', 'id', 'createdAt', 'updatedAt', 'revision']

/**
 * Replaces a case's metadata and body with `next` as a save on top of whatever revision is on
 * disk now (restore of a backup, "replace" on import). Unlike CaseStore.save it takes metadata
 * with keys format v1 does not define (an import's `extra`, a backup's unknown keys) as they are.
 * Under the case's lock: the current version is backed up first, createdAt is kept, the revision
 * goes up by one. A damaged case.json is never overwritten (readCaseDoc refuses it).
 */
export async function overwriteCase(
  library: Library,
  caseId: string,
  next: { meta: Record<string, unknown>; body: string },
  deps: BackupDeps = {},
): Promise<CaseDoc> {
  const folder = library.cases.folderOf(caseId)
  if (!(await library.cases.caseFolderNames()).includes(caseId)) throw notFound(caseId)
  return withFolderLock(join(folder, CASE_LOCK_FOLDER), async () => {
    const current = await readCaseDoc(folder, caseId)
    await backupBeforeWrite(library, caseId, deps)
    const kept = Object.fromEntries(
      Object.entries(next.meta).filter(([key]) => !OWNED_KEYS.includes(key)),
    )
    const meta = withDerivedFields({
      ...kept,
      schema: 1,
      id: caseId,
      createdAt: current.meta.createdAt,
      updatedAt: (deps.now?.() ?? new Date()).toISOString(),
      revision: current.meta.revision + 1,
    } as CaseMeta)
    const doc: CaseDoc = { meta, body: next.body }
    await writeCaseDoc(folder, doc, deps.writeSteps, current.body)
    return { ...doc, filesHash: writtenFilesHash(doc) }
  })
}
