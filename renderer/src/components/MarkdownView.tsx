import { useEffect, useMemo, useRef } from 'react'
import { api } from '../api'
import { renderMarkdown } from '../markdown/render-markdown'
import { markTerms } from '../markdown/mark-terms'

interface Props {
  markdown: string
  caseId?: string
  label?: string
  /** Words to highlight (the current search). */
  highlight?: string[]
}

/** A case body: Markdown rendered by marked, sanitised by DOMPurify, attachments resolved. */
export function MarkdownView({ markdown, caseId, label, highlight }: Props) {
  const html = useMemo(
    () => renderMarkdown(markdown, (name) => (caseId ? api.attachmentUrl(caseId, name) : '')),
    [markdown, caseId],
  )
  const host = useRef<HTMLDivElement>(null)
  const terms = (highlight ?? []).join('\u0000')
  useEffect(() => {
    if (host.current && terms) markTerms(host.current, terms.split('\u0000'))
  }, [html, terms])
  // The HTML has been sanitised just above; this is the one place the app sets HTML.
  return (
    <div
      ref={host}
      className="markdown"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
