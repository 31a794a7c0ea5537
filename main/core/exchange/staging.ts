import { randomBytes } from 'node:crypto'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseDoc } from '../../../common/model'
import { renameWithRetry, writeFileAtomic, type WriteSteps } from '../atomic-write'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { CASES_FOLDER, writeCaseDoc } from '../case-files'
import { KbError, bilingual } from '../errors'
import { assertSafeFileName } from '../file-names'
import { assertValidId } from '../ids'

/** Hidden folders in `cases/` where an imported case is assembled before it appears. */
export const STAGING_PREFIX = '.import-'

/**
 * Writes a new case whole or not at all: its files are assembled in a hidden staging folder next
 * to the case folders (so on the same volume), then the folder is renamed into place. Readers and
 * the watcher never see a case without its case.json or with half its attachments. An id that
 * exists already (someone created it meanwhile) is refused with `conflict`.
 */
export async function writeNewCase(
  root: string,
  doc: CaseDoc,
  attachments: { name: string; data: Uint8Array }[],
  steps?: WriteSteps,
): Promise<void> {
  const id = assertValidId(doc.meta.id)
  const casesFolder = join(root, CASES_FOLDER)
  await mkdir(casesFolder, { recursive: true })
  const staging = join(casesFolder, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`)
  const target = join(casesFolder, id)
  try {
    await mkdir(staging)
    if (attachments.length > 0) {
      await mkdir(join(staging, ATTACHMENTS_FOLDER))
      for (const file of attachments) {
        const name = assertSafeFileName(file.name)
        await writeFileAtomic(join(staging, ATTACHMENTS_FOLDER, name), file.data, steps)
      }
    }
    await writeCaseDoc(staging, doc, steps)
    if (await exists(target)) throw taken(id)
    await renameWithRetry(staging, target, steps)
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw taken(id)
    throw error
  }
}

function taken(id: string): KbError {
  return new KbError(
    'conflict',
    bilingual(`ID「${id}」の事例がすでにあります`, `A case with the id "${id}" already exists`),
  )
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
