/**
 * Shared set-up for the core, CLI and web-host tests: real temp folders (removed after each
 * test), a copy of the bundled sample library, a deterministic clock and id generator, and a
 * byte-level snapshot of a folder tree to prove that nothing was written.
 */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect } from 'vitest'
import type { ErrorCode } from '../../common/api'
import type { CaseMeta, CaseMetaInput } from '../../common/model'
import { KbError } from '../../main/core/errors'
import { openLibrary, type Library, type OpenOptions } from '../../main/core/library'
import { openLibrarySession, type LibrarySession } from '../../main/library-session'

/** The bundled sample library. Tests copy it; they never write into it. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../data', import.meta.url))
/** The project root, for spawning the real CLI. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** One temp folder under os.tmpdir(); the caller removes it (for beforeAll/afterAll set-ups). */
export async function makeTempFolder(prefix = 'kb-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/**
 * Temp folders under os.tmpdir() that are removed after every test of the calling file.
 * Call once at module or describe level.
 */
export function useTempFolders(): { make(prefix?: string): Promise<string> } {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })
  return {
    async make(prefix = 'kb-test-') {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      made.push(dir)
      return dir
    },
  }
}

/** Ids of the sample's cases, read from the folder (the sample grows; tests must not hard-code it). */
export async function sampleCaseIds(): Promise<string[]> {
  const entries = await readdir(join(SAMPLE_DIR, 'cases'), { withFileTypes: true })
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** Copies the sample library to `<parent>/library` and returns that path. */
export async function copySample(parent: string): Promise<string> {
  const target = join(parent, 'library')
  await cp(SAMPLE_DIR, target, { recursive: true })
  return target
}

/** A clock that moves one second forward on every reading, so timestamps are distinct and known. */
export function tickingClock(startIso = '2025-04-01T00:00:00.000Z'): () => Date {
  let t = Date.parse(startIso)
  return () => {
    const now = new Date(t)
    t += 1000
    return now
  }
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same ids. */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A new, empty library in a fresh temp folder, with a deterministic clock and ids. */
export async function newLibrary(
  temp: { make(prefix?: string): Promise<string> },
  options: OpenOptions = {},
): Promise<{ parent: string; dir: string; library: Library }> {
  const parent = await temp.make()
  const dir = join(parent, 'library')
  const library = await openLibrary(dir, {
    create: true,
    now: tickingClock(),
    random: seededRandom(),
    ...options,
  })
  return { parent, dir, library }
}

/**
 * The API over the library in `libraryDir`, as the desktop app and the web host build it. The
 * user's app data (recent libraries) goes to `appData`, never to the real user folder.
 */
export async function openTestSession(
  libraryDir: string,
  appData: string,
): Promise<LibrarySession> {
  // No folder watcher: these tests are the only writer, and a watcher per test costs CPU.
  const session = await openLibrarySession({
    libraryDir,
    sampleDir: SAMPLE_DIR,
    appData,
    watch: false,
  })
  // The search index is built into `appData` in the background; let it finish, so that tests
  // which snapshot the folders around a call see only what that call did.
  await session.ready()
  return session
}

/** Every file (with its SHA-256) and folder under `root`, hidden ones included. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries) {
      const path = join(dir, entry.name)
      const key = relative(root, path).split('\\').join('/')
      if (entry.isDirectory()) {
        result[`${key}/`] = 'dir'
        await walk(path)
      } else {
        result[key] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      }
    }
  }
  await walk(root)
  return result
}

/** Names of stray temp files (`.kbtmp-*`) anywhere under `root`. */
export async function tempFilesUnder(root: string): Promise<string[]> {
  const tree = await snapshotTree(root)
  return Object.keys(tree).filter((path) => path.split('/').some((p) => p.startsWith('.kbtmp-')))
}

/** Awaits a rejection and checks it is a KbError with `code`; returns it for further checks. */
export async function expectKbError(promise: Promise<unknown>, code: ErrorCode): Promise<KbError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, `expected a KbError '${code}'`).toBeInstanceOf(KbError)
  expect((error as KbError).code).toBe(code)
  return error as KbError
}

/** The keys a caller may send as metadata (CaseMetaInput), in format v1. */
const EDITABLE_KEYS = [
  'title',
  'summary',
  'partnerTypes',
  'partners',
  'forms',
  'initiatedBy',
  'department',
  'area',
  'period',
  'fiscalYear',
  'status',
  'tags',
  'outcomes',
  'evaluation',
  'collaboration',
  'contact',
  'sources',
  'related',
  'lastVerified',
] as const

/** The editable part of a stored case's metadata, as an editor would send it back on save. */
export function inputOf(meta: CaseMeta): CaseMetaInput {
  const input: Record<string, unknown> = {}
  for (const key of EDITABLE_KEYS) if (meta[key] !== undefined) input[key] = meta[key]
  return input as unknown as CaseMetaInput
}

/** Every field of case.json format v1, in the order docs/format.md lists them. */
export const ALL_CASE_JSON_FIELDS = [
  'schema',
  'id',
  ...EDITABLE_KEYS,
  'createdAt',
  'updatedAt',
  'revision',
] as const

/** Metadata with every optional field filled in (fiscalYear left to be derived). */
export function fullMetaInput(overrides: Partial<CaseMetaInput> = {}): CaseMetaInput {
  return {
    title: '商店街の空き店舗を学生がチャレンジショップに',
    summary: '空き店舗の増加に悩む商店会と大学が組み、学生の店を期間限定で開いた。',
    partnerTypes: ['academia', 'private'],
    partners: [
      { name: 'かすみ野大学 地域連携センター', type: 'academia', role: '学生の募集と店舗運営' },
      { name: '中央商店会', type: 'private', role: '空き店舗の紹介と改装' },
    ],
    forms: ['共催', '事業協力・協定'],
    initiatedBy: 'joint',
    department: '商工観光課',
    area: '中央地区',
    period: { start: '2024-03', end: null },
    status: 'published',
    tags: ['商店街', '若者', '空き店舗'],
    outcomes: [
      { label: '来店者数', value: 1200, unit: '人' },
      { label: '出店率', value: 12.5, unit: '%' },
    ],
    evaluation: { city: 4, partner: 5, note: '学生の入れ替わりへの備えが課題。' },
    collaboration: {
      ownership: { score: 4, note: '商店会が空き店舗を自ら探し、改装費も一部負担した。' },
      problem: { score: 5 },
      goal: { score: 3, note: '売上と学びのどちらを優先するかで最後まで揺れた。' },
      action: { score: 4 },
      note: '学生の入れ替わりのたびに目標を話し直した。',
    },
    contact: { name: '山田 太郎', section: '商工観光課 商業係' },
    sources: [{ title: '実施報告書', url: 'https://www.city.example.jp/report.pdf' }],
    related: ['sogyo-shien'],
    lastVerified: '2025-01-31',
    ...overrides,
  }
}
