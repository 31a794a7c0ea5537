/**
 * Rewrites the links of a Markdown body outside code: fenced blocks and inline code spans are
 * left exactly as written (a tutorial about wikilinks must keep its examples).
 */
export function mapOutsideCode(body: string, map: (text: string) => string): string {
  const lines = body.split('\n')
  const out: string[] = []
  let fence: string | null = null
  let chunk: string[] = []
  const flush = () => {
    if (chunk.length > 0) out.push(mapOutsideInlineCode(chunk.join('\n'), map))
    chunk = []
  }
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence === null && marker) {
      flush()
      fence = marker
      out.push(line)
    } else if (fence !== null) {
      out.push(line)
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null
    } else chunk.push(line)
  }
  flush()
  return out.join('\n')
}

function mapOutsideInlineCode(text: string, map: (text: string) => string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : map(part)))
    .join('')
}

/**
 * `![alt](target "title")` and `[text](target)`. Targets with spaces are accepted bare, as
 * Obsidian writes them, as well as in `<…>`.
 */
export const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(\s*(<[^>\n]+>|[^)\n]+?)(\s+"[^"\n]*")?\s*\)/g
/** `[[Target]]`, `[[Target#Heading|label]]`, `![[image.png|300]]`. */
export const WIKILINK = /(!?)\[\[([^\]|#\n]*)(#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]/g

/** A link target that points at a file next to the note (not a URL, an anchor or an absolute path). */
export function localTarget(target: string): string | undefined {
  const bare = target.replace(/^<|>$/g, '').trim()
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare) || /^[#/\\]/.test(bare)) return undefined
  const path = bare.replace(/[?#].*$/, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * Replaces `[[…]]` links with Markdown links to the case they name, `[label](#/case/<id>)`, or
 * with their plain label when no case has that name (never a dead link).
 */
export function resolveWikilinks(
  body: string,
  idFor: (name: string) => string | undefined,
): string {
  return mapOutsideCode(body, (text) =>
    text.replace(
      WIKILINK,
      (_all, _bang: string, name: string, heading?: string, label?: string) => {
        const shown = (label?.trim() || `${name.trim()}${heading ?? ''}`).trim()
        const id = idFor(name.trim())
        return id ? `[${shown}](#/case/${id})` : shown
      },
    ),
  )
}

/** The first `# Heading` of a body, which notes often use as their title. */
export function firstHeading(body: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1]
}
