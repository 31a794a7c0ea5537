import { Parser, jaModel } from 'budoux'

/**
 * Japanese has no spaces, so a renderer that wraps anywhere splits words (「協｜働」). BudouX
 * (Google's phrase segmenter) finds the phrase boundaries; every export breaks lines only there.
 */
const parser = new Parser(jaModel)

/** The phrases of a text, in order; joined they give the text back. */
export function phrasesOf(text: string): string[] {
  if (!text) return []
  return parser.parse(text)
}

/** Offsets (in UTF-16 units) where a line may break: between two phrases. */
export function phraseBoundaries(text: string): Set<number> {
  const out = new Set<number>()
  let at = 0
  for (const phrase of phrasesOf(text)) {
    at += phrase.length
    out.add(at)
  }
  return out
}

/** Display width in full-width characters: half-width ASCII counts as a bit more than half. */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.55 : 1
  return width
}

/**
 * The text wrapped into lines of at most `perLine` full-width characters, breaking only between
 * phrases (a phrase longer than a line is the one case cut inside, at the line's end).
 * Trailing spaces stay with the line before them so the lines join back to the text.
 */
export function wrapPhrases(text: string, perLine: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const phrase of phrasesOf(text)) {
    if (line && textWidth(line + phrase.trimEnd()) > perLine) {
      lines.push(line)
      line = ''
    }
    let rest = phrase
    while (textWidth(rest.trimEnd()) > perLine) {
      let cut = 0
      let width = 0
      for (const ch of rest) {
        width += textWidth(ch)
        if (width > perLine) break
        cut += ch.length
      }
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line += rest
  }
  if (line) lines.push(line)
  return lines
}
