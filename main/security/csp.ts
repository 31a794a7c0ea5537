/**
 * The app's Content-Security-Policy, sent as a header by the web host and by the desktop app's
 * protocol handler (renderer/index.html carries the same policy in a meta tag for `npm run dev`).
 * No inline or remote script, no plugins, no frames, no <base>; images only from the app itself
 * (case attachments) or data: URLs, so a remote image in a case body cannot phone home.
 * Inline styles stay allowed: CodeMirror and React set them through the CSSOM.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
