import { extname } from 'node:path'
import { isValidId } from '../../../common/id-pattern'
import { assertSafeFileName, freeFileName, shortenStem } from '../file-names'

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
  const stem = shortenStem(safe.slice(0, safe.length - extname(safe).length) || 'file', ext)
  return assertSafeFileName(`${stem}${ext}`)
}

/** `name` or "stem-2.ext"… so that no two attachments of one case share a name (ignoring case). */
export function uniqueName(name: string, taken: Set<string>): string {
  const candidate = freeFileName(name, taken)
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
