import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TrashedCase } from '../../common/model'
import { renameWithRetry, type WriteSteps } from './atomic-write'
import { CASES_FOLDER, readCaseMeta } from './case-files'
import { notFound, type CaseStore } from './case-store'
import { KbError, bilingual } from './errors'
import { assertValidId } from './ids'

export const TRASH_FOLDER = '.trash'
// `~` never occurs in an id, so "<id>~<stamp>" splits unambiguously.
const SEPARATOR = '~'

/**
 * Deleting moves a case folder, whole, to `.trash/<id>~<time>`; restoring moves the newest copy
 * back. The same id can be deleted more than once without one trash entry replacing another.
 */
export class CaseTrash {
  constructor(
    private readonly root: string,
    private readonly store: CaseStore,
    private readonly now: () => Date = () => new Date(),
    private readonly steps?: WriteSteps,
  ) {}

  private get folder(): string {
    return join(this.root, TRASH_FOLDER)
  }

  async remove(id: string): Promise<{ id: string }> {
    const source = this.store.folderOf(id)
    if (!(await this.store.caseFolderNames()).includes(id)) throw notFound(id)
    await mkdir(this.folder, { recursive: true })
    const stamp = this.now().toISOString().replace(/[-:.]/g, '')
    const taken = new Set(await readdir(this.folder))
    let name = `${id}${SEPARATOR}${stamp}`
    // Two deletes of the same id within one millisecond still get their own trash entries.
    for (let n = 2; taken.has(name); n++) name = `${id}${SEPARATOR}${stamp}-${n}`
    await renameWithRetry(source, join(this.folder, name), this.steps)
    return { id }
  }

  async restore(id: string): Promise<{ id: string }> {
    assertValidId(id)
    const entries = (await this.entries()).filter((e) => e.id === id)
    const newest = entries.sort((a, b) => b.stamp.localeCompare(a.stamp))[0]
    if (!newest) {
      throw new KbError(
        'not_found',
        bilingual(`ごみ箱に「${id}」はありません`, `"${id}" is not in the trash`),
      )
    }
    if ((await this.store.caseFolderNames()).includes(id)) {
      throw new KbError(
        'conflict',
        bilingual(
          `同じID「${id}」の事例がすでにあります`,
          `A case with the id "${id}" already exists`,
        ),
      )
    }
    await mkdir(join(this.root, CASES_FOLDER), { recursive: true })
    const target = this.store.folderOf(id)
    await renameWithRetry(join(this.folder, newest.name), target, this.steps)
    // A lock left inside by a save that was interrupted by the delete must not block saves.
    await rm(join(target, '.lock'), { recursive: true, force: true })
    return { id }
  }

  async list(): Promise<TrashedCase[]> {
    const entries = await this.entries()
    const cases = await Promise.all(
      entries.map(async (entry) => {
        const title = await readCaseMeta(join(this.folder, entry.name), entry.id).then(
          (meta) => meta.title,
          () => entry.id,
        )
        return { id: entry.id, title, deletedAt: stampToIso(entry.stamp) }
      }),
    )
    return cases.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
  }

  private async entries(): Promise<{ name: string; id: string; stamp: string }[]> {
    let names: string[]
    try {
      names = await readdir(this.folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return names.flatMap((name) => {
      const [id, stamp] = name.split(SEPARATOR)
      return id && stamp ? [{ name, id, stamp }] : []
    })
  }
}

/** "20261124T010203123Z" → "2026-11-24T01:02:03.123Z". */
function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-\d+)?$/.exec(stamp)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp
}
