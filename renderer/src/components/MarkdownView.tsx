import { useMemo } from 'react'
import { api } from '../api'
import { renderMarkdown } from '../markdown/render-markdown'

/** A case body: Markdown rendered by marked, sanitised by DOMPurify, attachments resolved. */
export function MarkdownView({
  markdown,
  caseId,
  label,
}: {
  markdown: string
  caseId?: string
  label?: string
}) {
  const html = useMemo(
    () => renderMarkdown(markdown, (name) => (caseId ? api.attachmentUrl(caseId, name) : '')),
    [markdown, caseId],
  )
  // The HTML has been sanitised just above; this is the one place the app sets HTML.
  return <div className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />
}
