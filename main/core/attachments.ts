import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { AttachmentInfo } from '../../common/model'
import { writeFileAtomic, type WriteSteps } from './atomic-write'
import type { CaseStore } from './case-store'
import { notFound } from './case-store'
import { KbError, bilingual } from './errors'
import { assertSafeFileName, freeFileName } from './file-names'
import { withFolderLock } from './folder-lock'
import { MAX_ATTACHMENT_BYTES } from '../../common/attachment-limits'

export const ATTACHMENTS_FOLDER = 'attachments'
const LOCK_FOLDER = '.lock'
/** Large enough for photos and PDFs of reports; IPC and JSON carry the file whole. */

/**
 * Files attached to a case, kept in `cases/<id>/attachments/`. Names from outside are checked
 * to be one safe path segment, so no name can reach outside that folder.
 */
export class AttachmentStore {
  constructor(
    private readonly store: CaseStore,
    private readonly steps?: WriteSteps,
  ) {}

  private async folderOf(caseId: string): Promise<string> {
    const caseFolder = this.store.folderOf(caseId)
    if (!(await this.store.caseFolderNames()).includes(caseId)) throw notFound(caseId)
    return join(caseFolder, ATTACHMENTS_FOLDER)
  }

  /** Absolute path of an attachment, for serving it; the name is checked, the file need not exist. */
  async pathOf(caseId: string, name: string): Promise<string> {
    return join(await this.folderOf(caseId), assertSafeFileName(name))
  }

  async list(caseId: string): Promise<AttachmentInfo[]> {
    const folder = await this.folderOf(caseId)
    let entries
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.'))
    const infos = await Promise.all(
      files.map(async (e) => ({ name: e.name, size: (await stat(join(folder, e.name))).size })),
    )
    return infos.sort((a, b) => a.name.localeCompare(b.name, 'ja'))
  }

  /**
   * Adds a file. An existing attachment of the same name is never replaced: the new one gets a
   * numbered name ("photo-2.png"), which is returned.
   */
  async add(caseId: string, name: string, data: Uint8Array): Promise<AttachmentInfo> {
    const safeName = assertSafeFileName(name)
    if (data.byteLength > MAX_ATTACHMENT_BYTES) {
      throw new KbError(
        'invalid',
        bilingual(
          `添付ファイルは${MAX_ATTACHMENT_BYTES / 1024 / 1024}MBまでです`,
          `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
        ),
      )
    }
    const folder = await this.folderOf(caseId)
    await mkdir(folder, { recursive: true })
    // Choosing a free name and writing it must not interleave with another add (two files of the
    // same name dropped at once, or two people on a shared drive): hold the folder's lock.
    return withFolderLock(join(folder, LOCK_FOLDER), async () => {
      const existing = new Set((await readdir(folder)).map((n) => n.toLowerCase()))
      const finalName = freeFileName(safeName, existing)
      await writeFileAtomic(join(folder, finalName), data, this.steps)
      return { name: finalName, size: data.byteLength }
    })
  }

  async remove(caseId: string, name: string): Promise<{ name: string }> {
    const path = await this.pathOf(caseId, name)
    try {
      await unlink(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      throw new KbError(
        'not_found',
        bilingual(`添付ファイル「${name}」はありません`, `Attachment "${name}" was not found`),
      )
    }
    return { name }
  }
}
