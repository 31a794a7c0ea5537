import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseDoc } from '../../../common/model'
import { CASE_BODY_FILE, CASE_META_FILE } from '../case-files'
import { storedCaseMetaSchema } from '../case-schema'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import { backupsOf, listBackups, type BackupDeps } from './case-backups'
import { overwriteCase } from './overwrite-case'

/**
 * Brings back a backed-up version as a normal save on top of the current revision: the current
 * version is itself backed up first, so a restore never loses anything and can be undone.
 */
export async function restoreBackup(
  library: Library,
  caseId: string,
  stamp: string,
  deps: BackupDeps = {},
): Promise<CaseDoc> {
  const folder = backupsOf(library.root, caseId)
  if (!(await listBackups(library, caseId)).some((b) => b.stamp === stamp)) {
    throw new KbError(
      'not_found',
      bilingual(
        `事例「${caseId}」のバックアップ「${stamp}」はありません`,
        `No backup "${stamp}" of case "${caseId}"`,
      ),
    )
  }
  const text = await readFile(join(folder, stamp, CASE_META_FILE), 'utf8')
  const body = await readFile(join(folder, stamp, CASE_BODY_FILE), 'utf8').catch(() => '')
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    data = null
  }
  const parsed = storedCaseMetaSchema.safeParse(data)
  if (!parsed.success) {
    throw new KbError(
      'damaged',
      bilingual(
        `バックアップ「${stamp}」の case.json が読めないため復元できません`,
        `The case.json of backup "${stamp}" is damaged and cannot be restored`,
      ),
    )
  }
  return overwriteCase(library, caseId, { meta: parsed.data, body }, deps)
}
