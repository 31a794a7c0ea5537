const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:'])

/**
 * Whether a link may be handed to the operating system (shell.openExternal). The URL is parsed
 * first and judged by its parsed protocol, so case tricks (`JaVaScRiPt:`), leading whitespace or
 * control characters, and schemes that launch programs (`file:`, `smb:`, `ms-settings:`) are
 * refused; only web pages and mail remain.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 4096) return false
  // eslint-disable-next-line no-control-regex -- control characters hide schemes from humans
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return false
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return false
  if (url.protocol !== 'mailto:' && (url.username || url.password || !url.hostname)) return false
  return true
}
