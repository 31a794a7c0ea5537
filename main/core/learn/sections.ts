import { Lexer, type Token, type Tokens } from 'marked'

export interface BodySection {
  /** The section's Markdown without its heading, trimmed. */
  markdown: string
  /** The text of each item of the section's top-level lists (inline Markdown kept). */
  items: string[]
}

/**
 * The section of a case body under `heading` (a body-template heading such as 協働のコツ), or
 * undefined when the body has none or it is empty. Read with marked's lexer, so a `## ` inside a
 * fenced code block is not a heading. The section runs to the next heading of the same or a
 * higher level; a heading written at another level (# or ###) is still recognised, and a heading
 * that occurs twice has both parts joined.
 */
export function bodySection(body: string, heading: string): BodySection | undefined {
  const tokens = new Lexer().lex(body)
  const parts: Token[][] = []
  let current: Token[] | undefined
  let depth = 0
  for (const token of tokens) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading
      if (current && h.depth <= depth) current = undefined
      if (!current && normalizeHeading(h.text) === normalizeHeading(heading)) {
        current = []
        depth = h.depth
        parts.push(current)
        continue
      }
    }
    current?.push(token)
  }
  const markdown = parts
    .map((part) =>
      part
        .map((t) => t.raw)
        .join('')
        .trim(),
    )
    .filter((text) => text.length > 0)
    .join('\n\n')
  if (markdown.length === 0) return undefined
  const items = parts
    .flat()
    .filter((t): t is Tokens.List => t.type === 'list')
    .flatMap((list) => list.items.map((item) => item.text.trim()))
    .filter((text) => text.length > 0)
  return { markdown, items }
}

// Authors type full-width spaces and trailing colons; the template's headings have neither.
function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s:：]+$/u, '')
    .trim()
}
