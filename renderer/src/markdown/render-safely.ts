import { markdownToHtml, sanitizeHtml, type AttachmentUrl } from './render-markdown'

/** Bodies up to this size are rendered at once (marked is fast on anything realistic this long). */
export const SYNC_LIMIT = 8_000
/** Beyond this, a body is shown as plain text without trying. */
export const MAX_MARKDOWN = 2_000_000
/** How long a worker may take before the body is shown as plain text instead. */
export const RENDER_TIMEOUT_MS = 3_000

export type RenderOutcome = { html: string } | { plain: string; reason: 'too-large' | 'too-slow' }

/**
 * Renders untrusted Markdown without risking the window: small bodies directly, larger ones in
 * a Worker with a timeout (the sanitiser still runs here, as it needs the DOM). A body that is
 * too large or too slow is returned as plain text to show as such.
 */
export function renderMarkdownSafely(
  markdown: string,
  attachmentUrl: AttachmentUrl,
): Promise<RenderOutcome> {
  if (markdown.length > MAX_MARKDOWN)
    return Promise.resolve({ plain: markdown, reason: 'too-large' })
  if (markdown.length <= SYNC_LIMIT || typeof Worker === 'undefined') {
    return Promise.resolve({ html: sanitizeHtml(markdownToHtml(markdown), attachmentUrl) })
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./markdown-worker.ts', import.meta.url), { type: 'module' })
    const timer = setTimeout(() => {
      worker.terminate()
      resolve({ plain: markdown, reason: 'too-slow' })
    }, RENDER_TIMEOUT_MS)
    worker.onmessage = (event: MessageEvent<{ html: string }>) => {
      clearTimeout(timer)
      worker.terminate()
      resolve({ html: sanitizeHtml(event.data.html, attachmentUrl) })
    }
    worker.onerror = () => {
      clearTimeout(timer)
      worker.terminate()
      resolve({ plain: markdown, reason: 'too-slow' })
    }
    worker.postMessage({ id: 1, markdown })
  })
}
