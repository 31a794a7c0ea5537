import { isValidId } from '../../common/id-pattern'
import { KbError, bilingual } from './errors'

export { ID_PATTERN, isValidId } from '../../common/id-pattern'

export function assertValidId(value: unknown): string {
  if (!isValidId(value)) {
    throw new KbError(
      'invalid',
      bilingual(
        `IDが不正です（半角英小文字・数字・ハイフン、64文字以内）: ${String(value).slice(0, 80)}`,
        'Invalid id: use lowercase a–z, digits and hyphens, at most 64 characters',
      ),
    )
  }
  return value
}

/**
 * A new case id: `case-YYYYMMDD-xxxxx`. Titles are Japanese, so a slug of the title would be
 * empty; the date keeps ids roughly sortable and the random part keeps two people on a shared
 * drive from colliding. A library synced with Git adds its clone's short code
 * (`case-YYYYMMDD-abc-xxxxx`), so offices that never share a drive cannot collide either.
 */
export function newCaseId(now: Date, random: () => number, code?: string): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '')
  let suffix = ''
  for (let i = 0; i < 5; i++)
    suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  return code ? `case-${date}-${code}-${suffix}` : `case-${date}-${suffix}`
}
