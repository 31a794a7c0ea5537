/** Case, deck and path ids: safe as folder names on Windows and SMB, and inside URLs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}
