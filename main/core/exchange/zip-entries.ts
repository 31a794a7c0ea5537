import type JSZip from 'jszip'
import { isValidId } from '../../../common/id-pattern'
import { KbError, bilingual } from '../errors'
import { assertSafeFileName } from '../file-names'

/** A refused package: `invalid`, with the reason in both languages. Nothing has been written. */
export function refused(ja: string, en: string): KbError {
  return new KbError(
    'invalid',
    bilingual(`パッケージを受け付けられません: ${ja}`, `Package refused: ${en}`),
  )
}

/**
 * The reason an entry name is unsafe to extract anywhere, or null. Checked on the name as stored
 * in the zip (JSZip quietly resolves "../" on load, so its cleaned name would hide the attempt).
 */
export function unsafeEntryName(name: string): { ja: string; en: string } | null {
  if (name.includes('\\'))
    return { ja: `「\\」を含むパス: ${name}`, en: `backslash in path: ${name}` }
  if (name.startsWith('/')) return { ja: `絶対パス: ${name}`, en: `absolute path: ${name}` }
  if (/^[a-zA-Z]:/.test(name))
    return { ja: `ドライブ名付きのパス: ${name}`, en: `drive-letter path: ${name}` }
  // eslint-disable-next-line no-control-regex -- control characters are what we reject
  if (/[\u0000-\u001f]/.test(name))
    return { ja: `制御文字を含むパス`, en: `control character in path` }
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    return { ja: `フォルダの外を指すパス: ${name}`, en: `path leaves its folder: ${name}` }
  }
  return null
}

export type PackagePath =
  { id: string; kind: 'case.json' | 'case.md' } | { id: string; kind: 'attachment'; name: string }

/** A manifest path must be `cases/<id>/case.json`, `case.md` or `attachments/<safe name>`. */
export function parsePackagePath(path: string): PackagePath | null {
  const m = /^cases\/([^/]+)\/(?:(case\.json|case\.md)|attachments\/([^/]+))$/.exec(path)
  if (!m || !isValidId(m[1])) return null
  if (m[2]) return { id: m[1]!, kind: m[2] as 'case.json' | 'case.md' }
  try {
    if (assertSafeFileName(m[3]) !== m[3]) return null
  } catch {
    return null
  }
  return { id: m[1]!, kind: 'attachment', name: m[3]! }
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/** Whether the entry was stored as a symbolic link (Unix mode bits in the external attributes). */
export function isSymlinkEntry(file: JSZip.JSZipObject): boolean {
  const mode = file.unixPermissions
  return typeof mode === 'number' && (mode & S_IFMT) === S_IFLNK
}

/** The uncompressed size the zip's central directory declares for an entry (0 if unknown). */
export function declaredSize(file: JSZip.JSZipObject): number {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0
}

/**
 * Inflates one entry, stopping as soon as more than `limit` bytes come out: a zip bomb (a tiny
 * entry that inflates to gigabytes, whatever size it declares) is refused after `limit` bytes.
 */
export function readEntryLimited(file: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let total = 0
    let settled = false
    const stream = file.nodeStream('nodebuffer')
    stream.on('data', (chunk: Buffer) => {
      if (settled) return
      total += chunk.byteLength
      if (total > limit) {
        settled = true
        stream.pause()
        reject(
          refused(
            `展開後のサイズが上限を超えます: ${file.name}`,
            `entry inflates beyond the limit: ${file.name}`,
          ),
        )
      } else chunks.push(chunk)
    })
    stream.on('error', (error: Error) => {
      if (settled) return
      settled = true
      reject(
        refused(
          `展開できません: ${file.name} (${error.message})`,
          `cannot inflate ${file.name} (${error.message})`,
        ),
      )
    })
    stream.on('end', () => {
      if (settled) return
      settled = true
      const out = new Uint8Array(total)
      let offset = 0
      for (const chunk of chunks) {
        out.set(chunk, offset)
        offset += chunk.byteLength
      }
      resolve(out)
    })
    stream.resume()
  })
}
