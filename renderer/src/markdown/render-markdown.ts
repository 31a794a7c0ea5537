import DOMPurify from 'dompurify'
import { Marked } from 'marked'

/**
 * Case bodies come from other departments and imports, so they are untrusted. Markdown is turned
 * into HTML by marked and then sanitised by DOMPurify before it reaches the DOM:
 * - tags that run, embed, frame, submit or restyle anything are removed outright;
 * - URLs must be https/http/mailto, an in-page `#anchor`, or a file of this case's own
 *   `attachments/` folder (rewritten to the app's attachment URL);
 * - images from anywhere else lose their source (and the CSP blocks remote loads anyway);
 * - id/name attributes are prefixed, so content cannot clobber the app's DOM globals.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false })

const FORBIDDEN_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'template',
  'video',
  'audio',
  'source',
  'track',
  'portal',
  'noscript',
  'dialog',
  // Image maps: an <area> is a link the rewriting below would not see.
  'map',
  'area',
]
const FORBIDDEN_ATTRIBUTES = [
  'style',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'ping',
  'background',
]
const ATTACHMENT_PATH = /^(?:\.\/)?attachments\/([^/\\?#]+)$/
const SAFE_URI = /^(?:(?:https?|mailto):|#|(?:\.\/)?attachments\/[^/\\?#]+$)/i

export type AttachmentUrl = (name: string) => string

export function renderMarkdown(markdown: string, attachmentUrl: AttachmentUrl): string {
  return sanitizeHtml(markdownToHtml(markdown), attachmentUrl)
}

/** Markdown → unsafe HTML (marked only). Pure: runs in a Worker too. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown) as string
}

/** Unsafe HTML (from marked) → the sanitised HTML the app may insert. Needs a DOM. */
export function sanitizeHtml(html: string, attachmentUrl: AttachmentUrl): string {
  const purifier = DOMPurify(window)
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') rewriteLink(node as HTMLAnchorElement, attachmentUrl)
    if (node.tagName === 'IMG') rewriteImage(node as HTMLImageElement, attachmentUrl)
  })
  return purifier.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    ALLOWED_URI_REGEXP: SAFE_URI,
    ALLOW_DATA_ATTR: false,
    SANITIZE_NAMED_PROPS: true,
    USE_PROFILES: { html: true },
  })
}

function attachmentName(url: string): string | null {
  const match = ATTACHMENT_PATH.exec(url)
  if (!match) return null
  let name: string
  try {
    name = decodeURIComponent(match[1]!)
  } catch {
    return null
  }
  // Checked again after decoding: %2e%2e or %2F must not smuggle a path into the name.
  return /[/\\]|^\.|\.\./.test(name) ? null : name
}

function rewriteLink(link: HTMLAnchorElement, attachmentUrl: AttachmentUrl): void {
  const href = link.getAttribute('href')
  if (href === null) return
  const name = attachmentName(href)
  if (name) {
    link.setAttribute('href', attachmentUrl(name))
    link.setAttribute('download', name)
  } else if (/^https?:/i.test(href)) {
    // Never replace the app's own page: outside pages open in the browser (Electron: the OS).
    link.setAttribute('target', '_blank')
    link.setAttribute('rel', 'noopener noreferrer')
  } else if (!/^(#|mailto:)/i.test(href)) {
    link.removeAttribute('href')
  }
}

function rewriteImage(image: HTMLImageElement, attachmentUrl: AttachmentUrl): void {
  const src = image.getAttribute('src') ?? ''
  const name = attachmentName(src)
  if (name) image.setAttribute('src', attachmentUrl(name))
  else image.removeAttribute('src')
  image.setAttribute('loading', 'lazy')
}
