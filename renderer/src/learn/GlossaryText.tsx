import { useId, type KeyboardEvent } from 'react'
import { findGlossaryTerms, type GlossaryEntry } from '../../../common/learn/glossary'
import { useGlossary } from '../state/library-context'
import './glossary-text.css'

/**
 * A piece of metadata text (e.g. 「共催・実行委員会・協議会」) with the glossary's terms marked:
 * each term can be focused with Tab and shows its reading and definition on hover and on focus;
 * screen readers get the definition as the term's description. Without a glossary (still
 * loading, or empty) it is the plain text.
 */
export function GlossaryText({ text }: { text: string }) {
  const glossary = useGlossary()
  const matches = glossary ? findGlossaryTerms(text, glossary) : []
  if (matches.length === 0) return <>{text}</>
  const parts: React.ReactNode[] = []
  let at = 0
  for (const match of matches) {
    if (match.start > at) parts.push(text.slice(at, match.start))
    parts.push(<GlossaryTerm key={match.start} term={match.term} entry={match.entry} />)
    at = match.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}

function GlossaryTerm({ term, entry }: { term: string; entry: GlossaryEntry }) {
  const id = useId()
  // Escape hides the popup without moving focus (WCAG 1.4.13: dismissible).
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key === 'Escape') e.currentTarget.classList.add('dismissed')
  }
  return (
    <span
      className="glossary-term"
      tabIndex={0}
      aria-describedby={id}
      onKeyDown={onKeyDown}
      onBlur={(e) => e.currentTarget.classList.remove('dismissed')}
      onMouseLeave={(e) => e.currentTarget.classList.remove('dismissed')}
    >
      {term}
      <span className="glossary-tip" role="tooltip" id={id}>
        {entry.reading && <span className="glossary-reading">{entry.reading}</span>}
        {entry.definition}
      </span>
    </span>
  )
}
