/** Case, deck and path ids: safe as folder names on Windows and SMB, and inside URLs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/

// Device names Windows will not create as folders (CON, NUL, COM1…), lower-cased as ids are.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value) && !WINDOWS_DEVICE.test(value)
}

/** Partner-type keys (library.json `partnerTypes`, case.json `partnerTypes`): short, URL-safe. */
export const PARTNER_TYPE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/
