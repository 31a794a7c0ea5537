import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CASES_FOLDER, readCaseDoc } from '../case-files'
import { caseFilesHash } from '../watch/case-state'
import {
  caseIdsIn,
  changedIds,
  inWaves,
  signatureOf,
  signaturesOf,
  type CaseSignatures,
} from './case-signatures'
import { buildIndexFile } from './index-build'
import { buildIndexInWorker } from './index-builder'
import { readIndexFile, type LoadedIndexFile } from './index-file'
import { SearchEngine } from './search-engine'

const FILE_PREFIX = 'index-'
const FILE_SUFFIX = '.kbi'
/**
 * Below this many cases a build costs less than starting a worker (a worker loads its own copy
 * of the code; from the sources that means compiling it again), and holds the thread for a few
 * tens of milliseconds at most: small libraries are built here, large ones in the worker.
 */
const WORKER_FROM_CASES = 500
/** A temp file this old is a build that died; a younger one may be another process's build. */
const STALE_TEMP_MS = 10 * 60_000

export interface OpenedIndex {
  engine: SearchEngine
  /** True when the index file was used as it was, without reading a single case. */
  fromCache: boolean
  ms: number
  /** The signature of each indexed case as it was read (see case-signatures.ts). */
  signatures: CaseSignatures
}

export interface LoadOptions {
  /** This user's index folder for the library (see index-location.ts). */
  indexDir: string
  synonyms: string[][]
  onProgress?: (done: number, total: number) => void
}

/**
 * Opens the index of the library at `root` from the newest index file in `indexDir`, reading
 * again only the cases whose files changed since (including while no app was running); builds a
 * new file in a worker thread when there is none, it is damaged or from another version, or so
 * many cases changed that a fresh build is cheaper. Writes nothing into the library folder.
 * Synonyms apply at query time, so any synonym table is served by the same file.
 */
export async function loadLibraryIndex(root: string, options: LoadOptions): Promise<OpenedIndex> {
  const started = performance.now()
  const libraryRoot = resolve(root)
  await mkdir(options.indexDir, { recursive: true })
  // Without an index file the build starts at once; the signatures are taken meanwhile (they
  // find what changed while the worker read).
  const listing = caseIdsIn(libraryRoot)
  listing.catch(() => undefined)
  const signing = signaturesOf(libraryRoot, listing)
  signing.catch(() => undefined)
  let loaded = await newestIndexFile(options.indexDir, libraryRoot)
  let built = false
  if (!loaded || tooManyChanges(loaded.index.signatures, await signing)) {
    loaded?.index.bodies.close()
    const name = `${FILE_PREFIX}${String(Date.now()).padStart(15, '0')}-${process.pid}${FILE_SUFFIX}`
    const file = join(options.indexDir, name)
    if ((await listing).length < WORKER_FROM_CASES)
      await buildIndexFile(libraryRoot, file, { onProgress: options.onProgress })
    else await buildIndexInWorker(libraryRoot, file, options.onProgress)
    const index = await readIndexFile(file, libraryRoot)
    if (!index) throw new Error(`the new search index ${file} could not be read back`)
    loaded = { file, index }
    built = true
  }
  await removeOtherFiles(options.indexDir, loaded.file)
  await writeFile(join(options.indexDir, 'library.txt'), `${libraryRoot}\n`).catch(() => undefined)
  const engine = SearchEngine.fromIndexFile(loaded.index, { synonyms: options.synonyms })
  const signatures = { ...loaded.index.signatures }
  const stale = changedIds(signatures, await signing)
  await refreshCases(libraryRoot, engine, signatures, stale)
  return {
    engine,
    fromCache: !built && stale.length === 0,
    ms: performance.now() - started,
    signatures,
  }
}

/**
 * Reads the given cases again into `engine` (removing those gone or damaged) and records their
 * signatures. `onRead` gets the hash of each case's files as read (for the own-write filter).
 */
export async function refreshCases(
  root: string,
  engine: SearchEngine,
  signatures: CaseSignatures,
  ids: readonly string[],
  onRead?: (id: string, filesHash: string) => void,
): Promise<void> {
  await inWaves(ids, async (id) => {
    const folder = join(root, CASES_FOLDER, id)
    // Signature and hash before the content: a change landing in between is seen as a change
    // again later (a second read), never hidden behind a signature newer than what was indexed.
    const signature = await signatureOf(root, id)
    const hash = await caseFilesHash(folder)
    const doc = signature === null ? null : await readCaseDoc(folder, id).catch(() => null)
    if (doc) engine.upsert(doc)
    else engine.remove(id)
    if (signature === null) delete signatures[id]
    else signatures[id] = signature
    if (hash !== null) onRead?.(id, hash)
  })
}

/** Beyond this many changed cases a fresh build (in the worker) beats reading them one by one here. */
function tooManyChanges(indexed: CaseSignatures, now: CaseSignatures): boolean {
  return changedIds(indexed, now).length > Math.max(256, Object.keys(now).length / 10)
}

async function indexFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((n) => n.startsWith(FILE_PREFIX) && n.endsWith(FILE_SUFFIX)).sort()
}

/** The newest readable index file, or null. */
async function newestIndexFile(
  dir: string,
  root: string,
): Promise<{ file: string; index: LoadedIndexFile } | null> {
  for (const name of (await indexFiles(dir)).reverse()) {
    const file = join(dir, name)
    const index = await readIndexFile(file, root)
    if (index) return { file, index }
  }
  return null
}

/** Older generations and dead temp files; best effort (another process may still read one). */
async function removeOtherFiles(dir: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      const file = join(dir, name)
      if (file === keep) return
      if (name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX)) {
        await unlink(file).catch(() => undefined)
      } else if (name.endsWith('.tmp')) {
        const info = await stat(file).catch(() => null)
        if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS)
          await unlink(file).catch(() => undefined)
      }
    }),
  )
}
