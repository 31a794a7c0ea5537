import { mkdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { NewReadingPath, ReadingPath, ResolvedPath } from '../../../common/learn/reading-path'
import { isValidId } from '../../../common/id-pattern'
import { jsonDocumentIds } from '../json-file'
import { writeFileAtomic, type WriteSteps } from '../atomic-write'

import { KbError, bilingual } from '../errors'
import { assertValidId } from '../ids'
import type { Library } from '../library'

export type {
  NewReadingPath,
  PathStep,
  ReadingPath,
  ResolvedPath,
  ResolvedStep,
} from '../../../common/learn/reading-path'
import { parseStoredJson, validInput } from '../stored-json'

export const PATHS_FOLDER = 'paths'
const MAX_STEPS = 200

const caseId = z.string().refine(isValidId, 'a-z0-9- のID')
const stepSchema = z.strictObject({
  caseId,
  note: z.string().max(2000).optional(),
})
const stepsSchema = z
  .array(stepSchema)
  .max(MAX_STEPS)
  .refine((steps) => new Set(steps.map((s) => s.caseId)).size === steps.length, {
    message: '同じ事例が2回含まれています (a case occurs twice)',
  })
const editable = {
  title: z.string().trim().min(1, 'タイトルは必須です').max(200),
  description: z.string().max(4000).optional(),
  steps: stepsSchema,
}
/** On disk: the docs/format.md shape; unknown keys (a later version's) are kept on save. */
const storedPathSchema = z.looseObject({ schema: z.literal(1), id: caseId, ...editable })
export const newPathSchema = z.strictObject({ ...editable, steps: stepsSchema.default([]) })
export const savedPathSchema = z.strictObject({ schema: z.literal(1), id: caseId, ...editable })

export interface PathStoreDeps {
  now?: () => Date
  random?: () => number
  writeSteps?: WriteSteps
}

export interface DamagedPath {
  id: string
  file: string
  reason: string
}

/**
 * The reading paths of a library, one JSON file each in `paths/` (so two trainers editing
 * different paths on a shared drive never touch the same file), written atomically. Steps name
 * cases by id only: a path whose case was deleted still loads, and `resolvePath` marks the step.
 */
export class PathStore {
  private readonly folder: string
  private readonly now: () => Date
  private readonly random: () => number

  constructor(
    root: string,
    private readonly deps: PathStoreDeps = {},
  ) {
    this.folder = join(root, PATHS_FOLDER)
    this.now = deps.now ?? (() => new Date())
    this.random = deps.random ?? Math.random
  }

  /** Every path, by title, plus the files that could not be read and why. */
  async list(): Promise<{ paths: ReadingPath[]; damaged: DamagedPath[] }> {
    const ids = await this.ids()
    const paths: ReadingPath[] = []
    const damaged: DamagedPath[] = []
    for (const id of ids) {
      try {
        paths.push(await this.read(id))
      } catch (error) {
        if (!(error instanceof KbError)) throw error
        damaged.push({ id, file: fileLabel(id), reason: error.message })
      }
    }
    paths.sort((a, b) => a.title.localeCompare(b.title, 'ja') || a.id.localeCompare(b.id))
    return { paths, damaged }
  }

  async get(id: string): Promise<ReadingPath> {
    return this.read(assertValidId(id))
  }

  async create(input: NewReadingPath): Promise<ReadingPath> {
    const fields = parseInput(newPathSchema, input)
    const taken = new Set(await this.ids())
    let id = newPathId(this.now(), this.random)
    while (taken.has(id)) id = newPathId(this.now(), this.random)
    const path = compact({ schema: 1, id, ...fields })
    await mkdir(this.folder, { recursive: true })
    await this.write(path, {})
    return path
  }

  /** Replaces an existing path (title, description, steps and their order). */
  async save(input: ReadingPath): Promise<ReadingPath> {
    const path = compact(parseInput(savedPathSchema, input))
    const existing = await this.readRaw(path.id)
    if (existing === undefined) throw notFound(path.id)
    // A damaged file is never overwritten: someone must look at it first.
    const stored = parseStored(path.id, existing)
    const extra = Object.fromEntries(Object.entries(stored).filter(([key]) => !KNOWN_KEYS.has(key)))
    await this.write(path, extra)
    return path
  }

  async remove(id: string): Promise<{ id: string }> {
    try {
      await unlink(this.fileOf(assertValidId(id)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(id)
      throw error
    }
    return { id }
  }

  private fileOf(id: string): string {
    return join(this.folder, `${id}.json`)
  }

  private ids(): Promise<string[]> {
    return jsonDocumentIds(this.folder)
  }

  private async readRaw(id: string): Promise<string | undefined> {
    try {
      return await readFile(this.fileOf(id), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
  }

  private async read(id: string): Promise<ReadingPath> {
    const text = await this.readRaw(id)
    if (text === undefined) throw notFound(id)
    const { schema, id: storedId, title, description, steps } = parseStored(id, text)
    return compact({ schema, id: storedId, title, description, steps })
  }

  private async write(path: ReadingPath, extra: Record<string, unknown>): Promise<void> {
    const data = { ...extra, ...path }
    await writeFileAtomic(
      this.fileOf(path.id),
      `${JSON.stringify(data, null, 2)}\n`,
      this.deps.writeSteps,
    )
  }
}

const KNOWN_KEYS = new Set(['schema', 'id', 'title', 'description', 'steps'])

/**
 * A reading path with what the library knows of each step's case now: its title, or that it
 * is missing (deleted since) or damaged. The path itself is not changed; the curator decides.
 */
export async function resolvePath(library: Library, path: ReadingPath): Promise<ResolvedPath> {
  const { cases, damaged } = await library.cases.list()
  const titles = new Map(cases.map((meta) => [meta.id, meta.title]))
  const broken = new Set(damaged.map((d) => d.id))
  const steps = path.steps.map((step) => {
    const title = titles.get(step.caseId)
    const isDamaged = broken.has(step.caseId)
    return {
      ...step,
      ...(title !== undefined ? { title } : {}),
      missing: title === undefined && !isDamaged,
      damaged: isDamaged,
    }
  })
  return { ...path, steps, missingCount: steps.filter((s) => s.missing).length }
}

/** A new path id: `path-YYYYMMDD-xxxxx`, like case ids (titles are Japanese; no slug). */
export function newPathId(now: Date, random: () => number): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '')
  let suffix = ''
  for (let i = 0; i < 5; i++)
    suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  return `path-${date}-${suffix}`
}

function parseStored(id: string, text: string): z.infer<typeof storedPathSchema> {
  return parseStoredJson(storedPathSchema, text, {
    label: fileLabel(id),
    id: { value: id, from: 'file' },
  })
}

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  return validInput(schema, input, { ja: '読書パス', en: 'reading path' })
}

/** Drops absent optional fields (and empty notes), so the file holds exactly what is set. */
function compact(path: {
  schema: 1
  id: string
  title: string
  description?: string | undefined
  steps: { caseId: string; note?: string | undefined }[]
}): ReadingPath {
  return {
    schema: 1,
    id: path.id,
    title: path.title,
    ...(path.description ? { description: path.description } : {}),
    steps: path.steps.map(({ caseId, note }) => (note ? { caseId, note } : { caseId })),
  }
}

function fileLabel(id: string): string {
  return `${PATHS_FOLDER}/${id}.json`
}

function notFound(id: string): KbError {
  return new KbError(
    'not_found',
    bilingual(`読書パス「${id}」が見つかりません`, `Reading path "${id}" was not found`),
  )
}
