import { mkdir, readdir, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type { LibraryInfo } from '../../common/model'
import type { WriteSteps } from './atomic-write'
import { AttachmentStore } from './attachments'
import { CaseStore } from './case-store'
import { CaseTrash } from './case-trash'
import { copyTree } from './copy-tree'
import { KbError, bilingual } from './errors'
import { AtomicJsonFile } from './json-file'
import { defaultLibraryConfig, type LibraryConfig } from './library-config'
import {
  LIBRARY_FILE,
  LibraryConfigStore,
  parseConfig,
  readLibraryFile,
} from './library-config-store'
import { readIdCode } from './sync/id-code'

export { LIBRARY_FILE } from './library-config-store'

export interface LibraryDeps {
  now?: () => Date
  random?: () => number
  writeSteps?: WriteSteps
}

export interface OpenOptions extends LibraryDeps {
  /** Create library.json in an empty (or missing) folder instead of refusing. */
  create?: boolean
  /** Name of a newly created library; the folder's name when absent. */
  name?: string
}

/** An open library: its settings and the stores over its files. */
export interface Library {
  root: string
  /** library.json as last read or written (see `settings` to change it). */
  readonly config: LibraryConfig
  settings: LibraryConfigStore
  cases: CaseStore
  trash: CaseTrash
  attachments: AttachmentStore
  info(): Promise<LibraryInfo>
}

/**
 * Opens the library in `dir`. An empty folder becomes a new library when `create` is set; a
 * folder with other contents but no library.json is refused, so pointing the app at "Documents"
 * by mistake never scatters files there.
 */
export async function openLibrary(dir: string, options: OpenOptions = {}): Promise<Library> {
  const root = resolve(dir)
  const db = new Low(
    new AtomicJsonFile<unknown>(join(root, LIBRARY_FILE), options.writeSteps),
    null,
  )
  await assertFolder(root, options.create === true)
  await readLibraryFile(db)
  let config: LibraryConfig
  if (db.data === null) {
    const contents = (await readdir(root)).filter((name) => !name.startsWith('.'))
    if (contents.length > 0 || !options.create) {
      throw new KbError(
        'invalid',
        bilingual(
          `このフォルダは事例ライブラリではありません（library.json がありません）: ${root}`,
          `This folder is not a case library (no library.json): ${root}`,
        ),
      )
    }
    config = defaultLibraryConfig(options.name ?? (basename(root) || '協働事例集'))
    db.data = config
    await db.write()
  } else {
    config = parseConfig(db.data)
  }
  const settings = new LibraryConfigStore(root, config, options.writeSteps)
  const partnerTypeKeys = () => new Set(settings.current.partnerTypes.map((t) => t.key))
  const cases = new CaseStore({ root, ...options, partnerTypeKeys, idCode: () => readIdCode(root) })
  const library: Library = {
    root,
    get config() {
      return settings.current
    },
    settings,
    cases,
    trash: new CaseTrash(root, cases, options.now, options.writeSteps),
    attachments: new AttachmentStore(cases, options.writeSteps),
    async info() {
      return {
        name: settings.current.name,
        path: root,
        format: settings.current.format,
        caseCount: (await cases.caseFolderNames()).length,
        partnerTypes: settings.current.partnerTypes,
      }
    },
  }
  return library
}

async function assertFolder(root: string, create: boolean): Promise<void> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (info === null) {
    if (create) return void (await mkdir(root, { recursive: true }))
    throw new KbError(
      'not_found',
      bilingual(`フォルダが見つかりません: ${root}`, `Folder not found: ${root}`),
    )
  }
  if (!info.isDirectory()) {
    throw new KbError(
      'invalid',
      bilingual(`フォルダではありません: ${root}`, `Not a folder: ${root}`),
    )
  }
}

/**
 * Copies the bundled sample library into `target` unless a library is already there. Used on
 * first start and by `kb init --sample`. Returns whether it copied.
 */
export async function seedSampleLibrary(sampleDir: string, target: string): Promise<boolean> {
  const existing = await readdir(target).catch(() => [] as string[])
  if (existing.includes(LIBRARY_FILE)) return false
  if (existing.some((name) => !name.startsWith('.'))) {
    throw new KbError(
      'invalid',
      bilingual(
        `フォルダが空ではないため、サンプルを書き込みません: ${target}`,
        `The folder is not empty; the sample was not copied: ${target}`,
      ),
    )
  }
  await mkdir(target, { recursive: true })
  await copyTree(sampleDir, target)
  return true
}
