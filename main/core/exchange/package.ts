import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { z } from 'zod'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { CASE_BODY_FILE, CASE_META_FILE } from '../case-files'
import { storedCaseMetaSchema } from '../case-schema'
import { KbError } from '../errors'
import type { Library } from '../library'
import type { PackageCase, PackageContents, PackageLimits, PackageManifest } from './types'
import {
  declaredSize,
  isSymlinkEntry,
  parsePackagePath,
  readEntryLimited,
  refused,
  unsafeEntryName,
} from './zip-entries'
import { errorMessage } from '../../../common/error-message'

export const PACKAGE_FORMAT = 'kyodo-kb-package/1'
export const MANIFEST_FILE = 'manifest.json'
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024

export const DEFAULT_PACKAGE_LIMITS: Required<PackageLimits> = {
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  createdAt: z.string(),
  cases: z.array(z.object({ id: z.string(), title: z.string() })),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(0),
    }),
  ),
  partnerTypes: z
    .array(z.object({ key: z.string(), ja: z.string(), en: z.string(), color: z.string() }))
    .optional(),
})

/**
 * Packs cases into an exchange package: `manifest.json` (format, time, cases, and the SHA-256
 * and size of every file), then `cases/<id>/case.json`, `case.md` and `attachments/*` exactly as
 * they are on disk (format v1). With 'all', damaged cases are left out (they cannot be read);
 * a damaged or missing case named explicitly fails the export.
 */
export async function exportPackage(
  library: Library,
  ids: string[] | 'all',
  now: () => Date = () => new Date(),
): Promise<Uint8Array> {
  const chosen = ids === 'all' ? (await library.cases.list()).cases.map((c) => c.id) : ids
  const zip = new JSZip()
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    createdAt: now().toISOString(),
    cases: [],
    files: [],
  }
  const usedTypes = new Set<string>()
  const files: { path: string; data: Uint8Array }[] = []
  for (const id of [...new Set(chosen)]) {
    const doc = await library.cases.get(id)
    manifest.cases.push({ id, title: doc.meta.title })
    doc.meta.partnerTypes.forEach((t) => usedTypes.add(t))
    doc.meta.partners?.forEach((p) => usedTypes.add(p.type))
    const folder = library.cases.folderOf(id)
    files.push({
      path: `cases/${id}/${CASE_META_FILE}`,
      data: await readFile(join(folder, CASE_META_FILE)),
    })
    const body = await readFile(join(folder, CASE_BODY_FILE)).catch(() => null)
    if (body) files.push({ path: `cases/${id}/${CASE_BODY_FILE}`, data: body })
    for (const attachment of await library.attachments.list(id)) {
      files.push({
        path: `cases/${id}/${ATTACHMENTS_FOLDER}/${attachment.name}`,
        data: await readFile(join(folder, ATTACHMENTS_FOLDER, attachment.name)),
      })
    }
  }
  manifest.files = files.map((f) => ({
    path: f.path,
    sha256: sha256(f.data),
    size: f.data.byteLength,
  }))
  manifest.partnerTypes = library.config.partnerTypes.filter((t) => usedTypes.has(t.key))
  zip.file(MANIFEST_FILE, JSON.stringify(manifest, null, 2))
  for (const file of files) zip.file(file.path, file.data)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' })
}

/**
 * Reads and verifies an exchange package in memory; nothing is written. Refused, with a
 * bilingual `invalid` error: entry names that could escape a folder (`../`, absolute, drive
 * letters, backslashes), symbolic links, entries the manifest does not list, files it lists that
 * are missing, more entries or bytes than `limits` (declared sizes are checked before inflating
 * and actual sizes while inflating, so a zip bomb stops early), and any size or SHA-256 that
 * differs from the manifest.
 */
export async function readPackage(
  bytes: Uint8Array,
  limits: PackageLimits = {},
): Promise<PackageContents> {
  const { maxEntries, maxTotalBytes, maxEntryBytes } = { ...DEFAULT_PACKAGE_LIMITS, ...limits }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { createFolders: false })
  } catch (error) {
    const reason = errorMessage(error)
    throw refused(`ZIPファイルとして読めません (${reason})`, `not a readable zip (${reason})`)
  }
  const entries = Object.values(zip.files)
  if (entries.length > maxEntries) {
    throw refused(
      `ファイル数が多すぎます (${entries.length})`,
      `too many entries (${entries.length})`,
    )
  }
  let declaredTotal = 0
  for (const entry of entries) {
    const name = entry.unsafeOriginalName ?? entry.name
    const unsafe = unsafeEntryName(name)
    if (unsafe) throw refused(unsafe.ja, unsafe.en)
    if (isSymlinkEntry(entry)) {
      throw refused(`シンボリックリンクは使えません: ${name}`, `symbolic link entry: ${name}`)
    }
    const size = declaredSize(entry)
    declaredTotal += size
    if (size > maxEntryBytes || declaredTotal > maxTotalBytes) {
      throw refused(`ファイルが大きすぎます: ${name}`, `entry too large: ${name}`)
    }
  }
  const manifestEntry = zip.file(MANIFEST_FILE)
  if (!manifestEntry) throw refused('manifest.json がありません', 'manifest.json is missing')
  let manifestData: unknown
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      await readEntryLimited(manifestEntry, MAX_MANIFEST_BYTES),
    )
    manifestData = JSON.parse(text)
  } catch (error) {
    if (error instanceof KbError) throw error
    throw refused('manifest.json が読めません', 'manifest.json is not valid JSON')
  }
  const parsedManifest = manifestSchema.safeParse(manifestData)
  if (!parsedManifest.success) {
    throw refused(
      'manifest.json の形式が違います',
      'manifest.json is not a kyodo-kb-package/1 manifest',
    )
  }
  const manifest = parsedManifest.data as PackageManifest
  const listed = new Map<string, PackageManifest['files'][number]>()
  let manifestTotal = 0
  for (const file of manifest.files) {
    if (file.size > maxEntryBytes) {
      throw refused(`ファイルが大きすぎます: ${file.path}`, `entry too large: ${file.path}`)
    }
    if (!parsePackagePath(file.path) || listed.has(file.path)) {
      throw refused(
        `マニフェストのパスが不正です: ${file.path}`,
        `invalid path in manifest: ${file.path}`,
      )
    }
    listed.set(file.path, file)
    manifestTotal += file.size
  }
  if (manifestTotal > maxTotalBytes) throw refused('合計サイズが大きすぎます', 'package too large')
  for (const entry of entries) {
    if (entry.dir || entry.name === MANIFEST_FILE) continue
    if (!listed.has(entry.name)) {
      throw refused(
        `マニフェストにないファイル: ${entry.name}`,
        `entry not in the manifest: ${entry.name}`,
      )
    }
  }
  const verified = new Map<string, Uint8Array>()
  for (const file of manifest.files) {
    const entry = zip.file(file.path)
    if (!entry || entry.dir) {
      throw refused(
        `マニフェストのファイルがありません: ${file.path}`,
        `missing from the package: ${file.path}`,
      )
    }
    // Inflating stops one byte past the size the manifest gives (a bomb never gets further).
    const data = await readEntryLimited(entry, file.size)
    if (data.byteLength !== file.size || sha256(data) !== file.sha256) {
      throw refused(
        `チェックサムが一致しません: ${file.path}`,
        `checksum mismatch (damaged or altered): ${file.path}`,
      )
    }
    verified.set(file.path, data)
  }
  return { manifest, cases: assembleCases(manifest, verified), files: verified }
}

function assembleCases(manifest: PackageManifest, files: Map<string, Uint8Array>): PackageCase[] {
  const byId = new Map<string, PackageCase>()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const [path, data] of files) {
    const parsed = parsePackagePath(path)!
    let item = byId.get(parsed.id)
    if (!item) {
      item = { id: parsed.id, meta: undefined as never, body: '', attachments: [] }
      byId.set(parsed.id, item)
    }
    if (parsed.kind === 'attachment') {
      item.attachments.push({ name: parsed.name, entry: path, size: data.byteLength })
      continue
    }
    let text: string
    try {
      text = decoder.decode(data).replace(/^\uFEFF/, '')
    } catch {
      throw refused(`UTF-8 ではありません: ${path}`, `not UTF-8: ${path}`)
    }
    if (parsed.kind === 'case.md') {
      item.body = text
      continue
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw refused(`JSONとして読めません: ${path}`, `not valid JSON: ${path}`)
    }
    const meta = storedCaseMetaSchema.safeParse(json)
    if (!meta.success || meta.data.id !== parsed.id) {
      throw refused(
        `case.json が format v1 ではありません: ${path}`,
        `case.json is not format v1: ${path}`,
      )
    }
    item.meta = meta.data as PackageCase['meta']
  }
  const cases = [...byId.values()]
  const missing = cases.find((c) => c.meta === undefined)
  if (missing) {
    throw refused(
      `case.json がありません: cases/${missing.id}`,
      `no case.json in cases/${missing.id}`,
    )
  }
  const declared = new Set(manifest.cases.map((c) => c.id))
  if (declared.size !== cases.length || cases.some((c) => !declared.has(c.id))) {
    throw refused(
      'マニフェストの事例一覧と中身が一致しません',
      'manifest case list does not match the files',
    )
  }
  return cases
}
