import { randomBytes } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CaseDoc } from '../../../common/model'
import { writeFileAtomic } from '../atomic-write'
import { CASE_BODY_FILE, CASE_META_FILE, readCaseDoc } from '../case-files'
import type { Library } from '../library'
import { SearchEngine } from './search-engine'

export const INDEX_CACHE_FILE = join('.cache', 'search-index.json')
/**
 * The texts of the snapshot (most of its bytes) as raw UTF-16: loading 100 MB this way is a copy,
 * where JSON would mean UTF-8 decoding plus parsing, several times slower. search-index.json
 * names the token the texts file starts with, so a mismatched pair (a crash between the two
 * writes, a copy of only one) is detected and the index rebuilt.
 */
export const INDEX_TEXTS_FILE = join('.cache', 'search-index.texts')
const CACHE_KIND = 'kyodo-kb/search-cache'
const CACHE_VERSION = 2
const TOKEN_CHARS = 16
// Thousands of parallel stats or reads exhaust handles on Windows and flood an SMB share.
const IO_CONCURRENCY = 64

/**
 * What a case's files looked like when indexed: size and mtime of case.json and case.md. A
 * mismatch means the case changed (in the app, in another window, or in an editor) and is read
 * again; an unchanged library opens from the cache without reading a single case.
 */
type FileSignatures = Record<string, string>

interface CacheFile {
  kind: typeof CACHE_KIND
  version: number
  files: FileSignatures
  /** The snapshot without its `texts`, which live in INDEX_TEXTS_FILE after the token. */
  engine: Record<string, unknown>
  textsToken: string
}

/**
 * Opens (or builds) the index of a library, using <library>/.cache/search-index.json when every
 * case file's size+mtime still match, otherwise rebuilding and rewriting the cache; reports
 * progress. Damaged cases are skipped. When only some cases changed, the cached index is kept and
 * just those are read again (`fromCache` is then false). Synonyms are not part of the check:
 * they apply at query time, so the cached index serves any synonym table.
 */
export async function loadLibraryIndex(
  library: Library,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ engine: SearchEngine; fromCache: boolean; ms: number }> {
  const started = performance.now()
  const synonyms = library.config.synonyms
  const [files, cache] = await Promise.all([signaturesOf(library), readCache(library)])
  const cached = cache ? SearchEngine.deserialize(cache.engine, { synonyms }) : null
  let engine: SearchEngine
  let changed: string[]
  if (cache && cached) {
    engine = cached
    changed = Object.keys(files).filter((id) => cache.files[id] !== files[id])
    const gone = Object.keys(cache.files).filter((id) => files[id] === undefined)
    if (changed.length === 0 && gone.length === 0) {
      return { engine, fromCache: true, ms: performance.now() - started }
    }
    for (const id of gone) engine.remove(id)
  } else {
    engine = SearchEngine.build([], { synonyms })
    changed = Object.keys(files)
  }
  await readCases(library, changed, options.onProgress, (id, doc) => {
    if (doc) engine.upsert(doc)
    else engine.remove(id)
  })
  // A read-only share or a full disk must not stop search: the cache only saves time next open.
  await writeCache(library, engine, files).catch(() => undefined)
  return { engine, fromCache: false, ms: performance.now() - started }
}

/**
 * Writes the cache for `engine`, which must reflect the case files as they are on disk now (call
 * it after upserting what the app saved; a case changed behind the app's back must have been
 * re-read first, or the cache would vouch for stale text).
 */
export async function saveLibraryIndex(library: Library, engine: SearchEngine): Promise<void> {
  await writeCache(library, engine, await signaturesOf(library))
}

async function signaturesOf(library: Library): Promise<FileSignatures> {
  const ids = (await library.cases.caseFolderNames()).sort()
  const files: FileSignatures = {}
  await inWaves(ids, async (id) => {
    let folder: string
    try {
      folder = library.cases.folderOf(id)
    } catch {
      return // not a valid case id: list() reports it as damaged; nothing to index
    }
    const [meta, body] = await Promise.all([
      stat(join(folder, CASE_META_FILE)).catch(() => null),
      stat(join(folder, CASE_BODY_FILE)).catch(() => null),
    ])
    const part = (s: { size: number; mtimeMs: number } | null) =>
      s ? `${s.size}:${s.mtimeMs}` : '-'
    files[id] = `${part(meta)}|${part(body)}`
  })
  return files
}

async function readCases(
  library: Library,
  ids: string[],
  onProgress: ((done: number, total: number) => void) | undefined,
  use: (id: string, doc: CaseDoc | null) => void,
): Promise<void> {
  let done = 0
  onProgress?.(0, ids.length)
  await inWaves(
    ids,
    async (id) => {
      // A damaged case is left out of the index; the case list shows it with the reason.
      const doc = await readCaseDoc(library.cases.folderOf(id), id).catch(() => null)
      use(id, doc)
    },
    () => onProgress?.((done = Math.min(ids.length, done + IO_CONCURRENCY)), ids.length),
  )
}

async function inWaves<T>(items: T[], work: (item: T) => Promise<void>, afterWave?: () => void) {
  for (let i = 0; i < items.length; i += IO_CONCURRENCY) {
    await Promise.all(items.slice(i, i + IO_CONCURRENCY).map(work))
    afterWave?.()
  }
}

async function readCache(library: Library): Promise<CacheFile | null> {
  try {
    const [json, texts] = await Promise.all([
      readFile(join(library.root, INDEX_CACHE_FILE), 'utf8'),
      readFile(join(library.root, INDEX_TEXTS_FILE)),
    ])
    const cache = JSON.parse(json) as Partial<CacheFile>
    if (cache.kind !== CACHE_KIND || cache.version !== CACHE_VERSION) return null
    if (typeof cache.files !== 'object' || cache.files === null) return null
    if (typeof cache.engine !== 'object' || cache.engine === null) return null
    if (texts.toString('utf16le', 0, TOKEN_CHARS * 2) !== cache.textsToken) return null
    cache.engine.texts = texts.toString('utf16le', TOKEN_CHARS * 2)
    return cache as CacheFile
  } catch {
    return null // missing or damaged: the cache is derived data, so rebuild it
  }
}

async function writeCache(library: Library, engine: SearchEngine, files: FileSignatures) {
  const { texts, ...rest } = engine.serialize() as { texts: string }
  const textsToken = randomBytes(TOKEN_CHARS / 2).toString('hex')
  const cache: CacheFile = {
    kind: CACHE_KIND,
    version: CACHE_VERSION,
    files,
    engine: rest,
    textsToken,
  }
  await mkdir(join(library.root, '.cache'), { recursive: true })
  await writeFileAtomic(
    join(library.root, INDEX_TEXTS_FILE),
    Buffer.from(textsToken + texts, 'utf16le'),
  )
  await writeFileAtomic(join(library.root, INDEX_CACHE_FILE), JSON.stringify(cache))
}
