import { extname } from 'node:path'
import { isValidId } from '../../../common/id-pattern'
import { MAX_NAME_BYTES, MAX_NAME_CHARACTERS, assertSafeFileName } from '../file-names'

const byteLength = (text: string) => new TextEncoder().encode(text).length

/**
 * Turns a file name from someone else's folder into one the library accepts (assertSafeFileName):
 * NFC, forbidden characters and Markdown-breaking brackets and spaces replaced by "_", no leading
 * dot, no Windows device name, shortened to the length limits keeping the extension. Japanese
 * stays Japanese.
 */
export function toSafeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[<>:"/\\|?*\u0000-\u001f()[\]\s]/g, '_')
    .replace(/\.\.+/g, '.')
    .replace(/^[._]+/, '')
    .replace(/[. ]+$/, '')
  if (!safe) safe = 'file'
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(safe)) safe = `_${safe}`
  const ext = extname(safe).slice(0, 16)
  let stem = safe.slice(0, safe.length - extname(safe).length) || 'file'
  while (
    Array.from(stem).length > 1 &&
    (stem.length + ext.length > MAX_NAME_CHARACTERS || byteLength(stem + ext) > MAX_NAME_BYTES)
  ) {
    stem = Array.from(stem).slice(0, -1).join('')
  }
  return assertSafeFileName(`${stem}${ext}`)
}

/** `name` or "stem-2.ext"… so that no two attachments of one case share a name (ignoring case). */
export function uniqueName(name: string, taken: Set<string>): string {
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  let candidate = name
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`
  taken.add(candidate.toLowerCase())
  return candidate
}

/** An id from an ASCII file name ("Kodomo Shokudo.md" → "kodomo-shokudo"), or undefined. */
export function idFromFileStem(stem: string): string | undefined {
  const slug = stem
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
  // Only when the whole stem was ASCII: a slug of a Japanese name would be a meaningless fragment.
  // eslint-disable-next-line no-control-regex -- ASCII range check
  return /^[\x00-\x7f]+$/.test(stem) && isValidId(slug) ? slug : undefined
}
