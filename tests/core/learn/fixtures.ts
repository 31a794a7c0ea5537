import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect } from 'vitest'
import type { ErrorCode } from '../../../common/api'
import type { CaseMeta } from '../../../common/model'
import { KbError } from '../../../main/core/errors'

/** A minimal valid case for the pure functions; override what the test is about. */
export function caseMeta(id: string, overrides: Partial<CaseMeta> = {}): CaseMeta {
  return {
    schema: 1,
    id,
    title: `事例 ${id}`,
    partnerTypes: ['npo'],
    status: 'published',
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    revision: 1,
    ...overrides,
  }
}

/** The bundled sample library. Tests copy it; they never write into it. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../data', import.meta.url))

// Own helpers rather than tests/helpers/temp-library: that module pulls in the whole API layer
// (library-session), and these tests need only the core.
export async function makeTempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kb-learn-'))
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** Copies the sample library to `<parent>/<name>` and returns that path. */
export async function copySample(parent: string, name = 'library'): Promise<string> {
  const target = join(parent, name)
  await cp(SAMPLE_DIR, target, { recursive: true })
  return target
}

/** Ids of the sample's cases, read from the folder (the sample grows; do not hard-code it). */
export async function sampleCaseIds(): Promise<string[]> {
  const entries = await readdir(join(SAMPLE_DIR, 'cases'), { withFileTypes: true })
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** Temp folders removed after each test of the calling file. */
export function useTempFolders(): { make(): Promise<string> } {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map(removeFolder))
  })
  return {
    async make() {
      const dir = await makeTempFolder()
      made.push(dir)
      return dir
    },
  }
}

/** Awaits a rejection and checks it is a KbError with `code`. */
export async function expectKbError(promise: Promise<unknown>, code: ErrorCode): Promise<KbError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, `expected a KbError '${code}'`).toBeInstanceOf(KbError)
  expect((error as KbError).code).toBe(code)
  return error as KbError
}
