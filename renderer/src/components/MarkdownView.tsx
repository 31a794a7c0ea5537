import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { GlossaryEntry } from '../../../common/learn/glossary'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { markGlossary } from '../markdown/mark-glossary'
import { handleBodyLinkClick } from '../markdown/in-page-links'
import { markTerms } from '../markdown/mark-terms'
import '../learn/glossary-text.css'
import { renderMarkdown } from '../markdown/render-markdown'
import { renderMarkdownSafely, SYNC_LIMIT, type RenderOutcome } from '../markdown/render-safely'

interface Props {
  markdown: string
  caseId?: string
  label?: string
  /** Words to highlight (the current search). */
  highlight?: string[]
  /** Glossary whose terms get their tooltip (first occurrence per section); case text only. */
  glossary?: GlossaryEntry[]
}

/**
 * A case body: Markdown rendered by marked, sanitised by DOMPurify, attachments resolved. Large
 * bodies render in a Worker with a timeout, so no body can freeze the window.
 */
export function MarkdownView({ markdown, caseId, label, highlight, glossary }: Props) {
  const { t } = useI18n()
  const attachmentUrl = useMemo(
    () => (name: string) => (caseId ? api.attachmentUrl(caseId, name) : ''),
    [caseId],
  )
  const small = markdown.length <= SYNC_LIMIT
  const syncHtml = useMemo(
    () => (small ? renderMarkdown(markdown, attachmentUrl) : null),
    [small, markdown, attachmentUrl],
  )
  const [large, setLarge] = useState<{ source: string; outcome: RenderOutcome } | null>(null)
  useEffect(() => {
    if (small) return
    let cancelled = false
    void renderMarkdownSafely(markdown, attachmentUrl).then((outcome) => {
      if (!cancelled) setLarge({ source: markdown, outcome })
    })
    return () => {
      cancelled = true
    }
  }, [small, markdown, attachmentUrl])

  const outcome: RenderOutcome | null =
    syncHtml !== null ? { html: syncHtml } : large?.source === markdown ? large.outcome : null
  const html = outcome && 'html' in outcome ? outcome.html : null
  const host = useRef<HTMLDivElement>(null)
  const terms = (highlight ?? []).join('\u0000')
  useEffect(() => {
    if (host.current && terms && html !== null) markTerms(host.current, terms.split('\u0000'))
  }, [html, terms])
  const tipIds = useId()
  useEffect(() => {
    if (host.current && glossary && html !== null) markGlossary(host.current, glossary, tipIds)
  }, [html, glossary, tipIds])

  if (!outcome) return <p className="muted">{t('markdown.rendering')}</p>
  if ('plain' in outcome) {
    return (
      <div className="markdown" aria-label={label}>
        <p className="banner error">
          {t(outcome.reason === 'too-large' ? 'markdown.tooLarge' : 'markdown.tooSlow')}
        </p>
        <pre className="markdown-plain">{outcome.plain.slice(0, 200_000)}</pre>
      </div>
    )
  }
  // The HTML has been sanitised (render-markdown.ts); this is the one place the app sets HTML.
  return (
    <div
      ref={host}
      className="markdown"
      aria-label={label}
      onClick={(event) => host.current && handleBodyLinkClick(event, host.current)}
      dangerouslySetInnerHTML={{ __html: outcome.html }}
      onKeyDown={dismissTip}
      onMouseOut={restoreTip}
      onBlur={restoreTip}
    />
  )
}

// Escape hides a focused glossary tooltip without moving focus (WCAG 1.4.13), as GlossaryText.
function dismissTip(e: React.KeyboardEvent<HTMLDivElement>) {
  if (e.key === 'Escape' && e.target instanceof HTMLElement && e.target.matches('.glossary-term'))
    e.target.classList.add('dismissed')
}
function restoreTip(e: React.SyntheticEvent<HTMLDivElement>) {
  if (e.target instanceof HTMLElement) e.target.classList.remove('dismissed')
}
