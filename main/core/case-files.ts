import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { CaseDoc, CaseMeta } from '../../common/model'
import { fiscalYearOf } from '../../common/fiscal-year'
import { writeFileAtomic, type WriteSteps } from './atomic-write'
import { storedCaseMetaSchema } from './case-schema'
import { AtomicJsonFile } from './json-file'
import { damagedFile, parseStoredJson, readStoredJson, type StoredFile } from './stored-json'

export const CASES_FOLDER = 'cases'
export const CASE_META_FILE = 'case.json'
export const CASE_BODY_FILE = 'case.md'

/** Library-relative path of a case file, with forward slashes, as shown to users and in `check`. */
export function caseFileLabel(id: string, file: string): string {
  return `${CASES_FOLDER}/${id}/${file}`
}

/** Fills in what format v1 says is derived when absent (fiscalYear from period.start). */
export function withDerivedFields(meta: CaseMeta): CaseMeta {
  if (meta.fiscalYear !== undefined) return meta
  const fiscalYear = fiscalYearOf(meta.period?.start)
  return fiscalYear === undefined ? meta : { ...meta, fiscalYear }
}

/**
 * Reads and validates one case.json. A file that is missing, does not parse, fails the schema or
 * names another id raises a `damaged` KbError carrying the file and the reason; callers list such
 * a case as damaged and never write over it.
 */
export async function readCaseMeta(caseFolder: string, id: string): Promise<CaseMeta> {
  const file = caseMetaFile(id)
  const meta = await readStoredJson(storedCaseMetaSchema, join(caseFolder, CASE_META_FILE), file)
  return presentMeta(meta, file)
}

function caseMetaFile(id: string): StoredFile {
  return { label: caseFileLabel(id, CASE_META_FILE), id: { value: id, from: 'folder' } }
}

/** Reads case.md; a missing body is an empty one (a case may be metadata only). */
export async function readCaseBody(caseFolder: string): Promise<string> {
  try {
    return withoutBom(await readFile(join(caseFolder, CASE_BODY_FILE), 'utf8'))
  } catch (error) {
    return bodyOfMissing(error)
  }
}

export async function readCaseDoc(caseFolder: string, id: string): Promise<CaseDoc> {
  const [meta, body] = await Promise.all([readCaseMeta(caseFolder, id), readCaseBody(caseFolder)])
  return { meta, body }
}

/**
 * readCaseDoc with blocking reads, for the search index's build worker: there a blocked thread
 * costs nobody, and 10,000 cases read this way take a third of the CPU time of promise-based
 * reads (each of which is an open, a stat, a read and a close handed to the thread pool).
 */
export function readCaseDocSync(caseFolder: string, id: string): CaseDoc {
  const bytesOf = (file: string): Buffer | null => {
    try {
      return readFileSync(join(caseFolder, file))
    } catch (error) {
      return missingAsNull(error)
    }
  }
  return caseDocFromBytes(id, bytesOf(CASE_META_FILE), bytesOf(CASE_BODY_FILE))
}

/**
 * A case from the bytes of its two files (null: the file is missing), exactly as readCaseDoc
 * makes it from the files: for readers that need the bytes too (the files hash) or read them
 * their own way (the index build's worker).
 */
export function caseDocFromBytes(id: string, meta: Buffer | null, body: Buffer | null): CaseDoc {
  const file = caseMetaFile(id)
  return {
    meta: presentMeta(
      meta && parseStoredJson(storedCaseMetaSchema, meta.toString('utf8'), file),
      file,
    ),
    body: withoutBom(body?.toString('utf8') ?? ''),
  }
}

/** For a failed read: null when the file does not exist; any other failure is raised. */
export function missingAsNull(error: unknown): null {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
  throw error
}

function presentMeta(meta: unknown, file: StoredFile): CaseMeta {
  if (meta === null) throw damagedFile(file.label, 'ファイルがありません', 'the file is missing')
  return withDerivedFields(meta as CaseMeta)
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '')

function bodyOfMissing(error: unknown): string {
  return missingAsNull(error) ?? ''
}

/**
 * Writes a case: the body first, then case.json (through lowdb). case.json carries the revision,
 * so a reader that sees the new revision also sees the new body. When case.json cannot be
 * written, the body is put back to `previousBody`, so a failed save changes nothing.
 */
export async function writeCaseDoc(
  caseFolder: string,
  doc: CaseDoc,
  steps?: WriteSteps,
  previousBody?: string,
): Promise<void> {
  const bodyFile = join(caseFolder, CASE_BODY_FILE)
  await writeFileAtomic(bodyFile, doc.body, steps)
  const db = new Low<CaseMeta>(
    new AtomicJsonFile(join(caseFolder, CASE_META_FILE), steps),
    doc.meta,
  )
  db.data = doc.meta
  try {
    await db.write()
  } catch (error) {
    if (previousBody !== undefined && previousBody !== doc.body) {
      await writeFileAtomic(bodyFile, previousBody, steps).catch(() => undefined)
    }
    throw error
  }
}
