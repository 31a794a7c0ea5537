import { extname } from 'node:path'
import { KbError, bilingual } from './errors'

// Names Windows refuses as files in any folder, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
// Characters that are illegal on Windows or SMB shares, plus control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const ILLEGAL_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/

export const MAX_NAME_CHARACTERS = 120
// File systems count bytes (ext4/APFS/SMB: 255); 200 leaves room for a "-2" suffix.
export const MAX_NAME_BYTES = 200
const utf8Length = (text: string) => new TextEncoder().encode(text).length

/**
 * Checks an attachment file name from outside (a picker, a drop, an API call). The name must be
 * a single path segment that every file system the library may live on accepts; it is rejected
 * rather than silently rewritten so that a caller never writes a file other than the one it named.
 */
export function assertSafeFileName(name: unknown): string {
  const reject = (why: string, whyEn: string): never => {
    throw new KbError(
      'invalid',
      bilingual(`ファイル名が不正です（${why}）`, `Invalid file name (${whyEn})`),
    )
  }
  if (typeof name !== 'string' || name.length === 0) return reject('空です', 'empty')
  if (name.length > MAX_NAME_CHARACTERS || utf8Length(name) > MAX_NAME_BYTES) {
    return reject(
      '長すぎます（120文字・200バイトまで）',
      'too long: 120 characters, 200 bytes at most',
    )
  }
  if (name === '.' || name === '..' || name.includes('..'))
    return reject('「..」は使えません', '".." is not allowed')
  if (ILLEGAL_CHARACTERS.test(name))
    return reject('使えない文字を含みます', 'contains a forbidden character')
  if (name.startsWith('.')) return reject('「.」で始まる名前は使えません', 'starts with "."')
  if (/[. ]$/.test(name)) return reject('末尾が「.」か空白です', 'ends with "." or a space')
  if (WINDOWS_RESERVED.test(name))
    return reject('Windowsの予約名です', 'a reserved name on Windows')
  return name.normalize('NFC')
}

/**
 * `name`, or "stem-2.ext", "stem-3.ext"… when taken (compared case-insensitively, as Windows and
 * macOS do). The stem is shortened when needed so the numbered name still passes the length
 * limits and can be served and removed like any other.
 */
export function freeFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let n = 2; ; n++) {
    const suffix = `-${n}${ext}`
    const short = shortenStem(stem, suffix)
    const candidate = `${short}${suffix}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}

/**
 * `stem`, shortened one character at a time (never below one) until `stem + suffix` fits the
 * name limits in characters and in UTF-8 bytes.
 */
export function shortenStem(stem: string, suffix: string): string {
  let short = stem
  while (
    Array.from(short).length > 1 &&
    (short.length + suffix.length > MAX_NAME_CHARACTERS ||
      utf8Length(short + suffix) > MAX_NAME_BYTES)
  ) {
    short = Array.from(short).slice(0, -1).join('')
  }
  return short
}
