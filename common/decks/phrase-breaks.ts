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
 * phrases (a phrase longer than a line is the one case cut inside: after a space, or at the
 * line's end).
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
      // A phrase longer than a line: cut where a word ends inside it, after its last space
      // (「大学 学部 ゼミ」) or else where the script changes (「応援店｜ネットワーク」).
      const word = lastWordEnd(rest.slice(0, cut))
      if (word > 0) cut = word
      if (line) lines.push(line)
      line = ''
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line += rest
  }
  if (line) lines.push(line)
  return lines
}

const SCRIPTS = [/\p{Script=Han}|[々〆ヶ]/u, /\p{Script=Katakana}|ー/u, /\p{Script=Hiragana}/u]

function scriptOf(ch: string): number {
  const i = SCRIPTS.findIndex((re) => re.test(ch))
  return i === -1 ? (/\s/.test(ch) ? -2 : -1) : i
}

/** The offset after the last word end inside `text` (a space, or a change of script), or 0. */
export function lastWordEnd(text: string): number {
  const space = text.search(/\s\S*$/)
  if (space > 0) return space + 1
  for (let i = text.length - 1; i > 0; i--) {
    const a = scriptOf(text[i - 1]!)
    const b = scriptOf(text[i]!)
    if (a >= 0 && b >= 0 && a !== b) return i
  }
  return 0
}
