import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { CreateCaseInput, SaveCaseInput } from '../../common/api'
import type { CaseDoc, CaseMeta, CaseMetaInput, DamagedCase } from '../../common/model'
import type { WriteSteps } from './atomic-write'
import { caseBodyTemplate } from '../../common/body-template'
import {
  CASES_FOLDER,
  CASE_META_FILE,
  caseFileLabel,
  readCaseMeta,
  withDerivedFields,
  writeCaseDoc,
} from './case-files'
import { readCaseWithHash, writtenFilesHash } from './case-files-hash'
import { caseMetaInputSchema, describeIssues, storedCaseMetaSchema } from './case-schema'
import { KbError, bilingual } from './errors'
import { backupBeforeWrite } from './backup/case-backups'
import { withFolderLock } from './folder-lock'
import { assertKnownPartnerTypes } from './partner-type-check'
import { assertValidId, isValidId, newCaseId } from './ids'
import { errorMessage } from '../../common/error-message'

export interface CaseStoreDeps {
  /** The library folder. */
  root: string
  now?: () => Date
  random?: () => number
  writeSteps?: WriteSteps
  /** Partner-type keys the library defines; metadata naming others is refused on write. */
  partnerTypeKeys: () => ReadonlySet<string>
  /** The short code of this Git working copy, put into new ids (absent: not synced). */
  idCode?: () => Promise<string | undefined>
}

/** Keys format v1 defines; anything else in a case.json is carried along untouched on save. */
const KNOWN_KEYS = new Set(Object.keys(storedCaseMetaSchema.shape))
const LOCK_FOLDER = '.lock'
// Reading thousands of small files at once exhausts handles on Windows; read in waves.
const READ_CONCURRENCY = 64

/**
 * The cases of one library on disk (format v1): one folder per case with case.md and case.json.
 * Every write is atomic and guarded by the revision it was based on, under a per-case lock that
 * other processes on a shared drive respect, so no update is ever silently lost.
 */
export class CaseStore {
  private readonly now: () => Date
  private readonly random: () => number

  constructor(private readonly deps: CaseStoreDeps) {
    this.now = deps.now ?? (() => new Date())
    this.random = deps.random ?? Math.random
  }

  folderOf(id: string): string {
    return join(this.deps.root, CASES_FOLDER, assertValidId(id))
  }

  /** Every case's metadata, plus the cases that could not be read and why. */
  async list(): Promise<{ cases: CaseMeta[]; damaged: DamagedCase[] }> {
    const names = await this.caseFolderNames()
    const cases: CaseMeta[] = []
    const damaged: DamagedCase[] = []
    for (let i = 0; i < names.length; i += READ_CONCURRENCY) {
      const wave = names.slice(i, i + READ_CONCURRENCY)
      const results = await Promise.allSettled(
        wave.map((name) => {
          if (!isValidId(name)) {
            return Promise.reject(
              new KbError(
                'damaged',
                bilingual(
                  'フォルダ名がIDの規則（半角英小文字・数字・ハイフン）に合いません',
                  'folder name is not a valid id',
                ),
              ),
            )
          }
          return readCaseMeta(this.folderOf(name), name)
        }),
      )
      results.forEach((result, j) => {
        const id = wave[j]!
        if (result.status === 'fulfilled') cases.push(result.value)
        else
          damaged.push({
            id,
            file: caseFileLabel(id, CASE_META_FILE),
            reason: errorMessage(result.reason),
          })
      })
    }
    cases.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    return { cases, damaged }
  }

  async get(id: string): Promise<CaseDoc> {
    const folder = this.folderOf(id)
    if (!(await this.caseFolderNames()).includes(id)) throw notFound(id)
    return readCaseWithHash(folder, id)
  }

  async create(input: CreateCaseInput): Promise<CaseDoc> {
    const names = new Set(await this.caseFolderNames())
    const code = await this.deps.idCode?.()
    let id = newCaseId(this.now(), this.random, code)
    while (names.has(id)) id = newCaseId(this.now(), this.random, code)
    // A case needs a partner type; a draft created without one starts with the library's first
    // type, which the editor shows selected so the author notices and corrects it.
    const firstType = [...this.deps.partnerTypeKeys()][0] ?? 'community'
    const meta = this.validateInput({
      title: '新しい事例',
      status: 'draft',
      partnerTypes: [firstType],
      ...input.meta,
    })
    const stamp = this.now().toISOString()
    const doc: CaseDoc = {
      meta: withDerivedFields({
        ...meta,
        schema: 1,
        id,
        createdAt: stamp,
        updatedAt: stamp,
        revision: 1,
      }),
      body: input.body ?? caseBodyTemplate(),
    }
    const folder = this.folderOf(id)
    await mkdir(folder, { recursive: true })
    await writeCaseDoc(folder, doc, this.deps.writeSteps)
    return { ...doc, filesHash: writtenFilesHash(doc) }
  }

  /**
   * Saves a case if nobody has saved it since `baseRevision` and, when `baseFilesHash` is given,
   * nothing has changed its two files since they were loaded; otherwise refuses with a `conflict`
   * carrying the version on disk, so the user can reload, overwrite or keep a copy.
   */
  async save(input: SaveCaseInput): Promise<CaseDoc> {
    const meta = this.validateInput(input.meta)
    const folder = this.folderOf(input.id)
    if (!(await this.caseFolderNames()).includes(input.id)) throw notFound(input.id)
    return withFolderLock(join(folder, LOCK_FOLDER), async () => {
      const current = await readCaseWithHash(folder, input.id)
      if (current.meta.revision !== input.baseRevision) {
        throw new KbError(
          'conflict',
          bilingual(
            `この事例は他の場所で更新されています（あなたの版: ${input.baseRevision}、保存済みの版: ${current.meta.revision}）`,
            `This case was changed elsewhere (your revision ${input.baseRevision}, saved revision ${current.meta.revision})`,
          ),
          { current },
        )
      }
      // Another program (a text editor, a sync tool) may change the files without raising the
      // revision; what the editor loaded is then no longer what it would replace.
      if (input.baseFilesHash !== undefined && input.baseFilesHash !== current.filesHash) {
        throw new KbError(
          'conflict',
          bilingual(
            'この事例のファイル（case.md または case.json）は、読み込んだ後に他のプログラムで変更されています',
            'The files of this case (case.md or case.json) were changed by another program after they were loaded',
          ),
          { current },
        )
      }
      // The version being replaced is kept (bounded) so it can be restored later.
      await backupBeforeWrite({ root: this.deps.root }, input.id, {
        now: this.now,
        writeSteps: this.deps.writeSteps,
      })
      const doc: CaseDoc = {
        meta: withDerivedFields({
          ...unknownKeysOf(current.meta),
          ...meta,
          schema: 1,
          id: input.id,
          createdAt: current.meta.createdAt,
          updatedAt: this.now().toISOString(),
          revision: current.meta.revision + 1,
        }),
        body: input.body,
      }
      await writeCaseDoc(folder, doc, this.deps.writeSteps, current.body)
      return { ...doc, filesHash: writtenFilesHash(doc) }
    })
  }

  private validateInput(meta: unknown): CaseMetaInput {
    const parsed = caseMetaInputSchema.safeParse(meta)
    if (!parsed.success) {
      throw new KbError(
        'invalid',
        bilingual('入力内容に誤りがあります', 'Some fields are invalid'),
        { issues: describeIssues(parsed.error) },
      )
    }
    assertKnownPartnerTypes(parsed.data, this.deps.partnerTypeKeys())
    return parsed.data
  }

  /** Names of the case folders (hidden entries such as a stray lock are not cases). */
  async caseFolderNames(): Promise<string[]> {
    const folder = join(this.deps.root, CASES_FOLDER)
    try {
      const entries = await readdir(folder, { withFileTypes: true })
      return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }
}

function unknownKeysOf(meta: CaseMeta): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !KNOWN_KEYS.has(key)))
}

export function notFound(id: string): KbError {
  return new KbError(
    'not_found',
    bilingual(`事例「${id}」が見つかりません`, `Case "${id}" was not found`),
  )
}
