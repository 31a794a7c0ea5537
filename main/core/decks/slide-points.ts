import { phrasesOf } from '../../../common/decks/phrase-breaks'
import { POINT_MAX_WIDTH, POINTS_PER_SLIDE, textWidth } from './slide-layout'
import { parseMarkdown, plain, sentencesOf, type MarkdownTable } from './slide-text'
import type { TextBlock } from '../../../common/decks/slide-types'

/**
 * A section of a case as a trainer would put it on a slide: a few points, not its prose. The
 * prose stays whole in the speaker notes; the slide gets at most five short sentences, picked
 * from the section's own list items, the first sentence of each paragraph and the sentences
 * with figures in them, in the order they appear.
 */
export function sectionPoints(markdown: string, all = false): string[] {
  // A photo in the prose is shown by the photos slide; its alt text is no point.
  const { blocks, table } = parseMarkdown(markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, ''))
  const candidates = candidatesOf(blocks, table).filter((c) => all || c.score > 0)
  const chosen = all
    ? candidates
    : [...candidates]
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, POINTS_PER_SLIDE)
        .sort((a, b) => a.order - b.order)
  const seen = new Set<string>()
  return chosen.map((c) => toPoint(c.text)).filter((p) => p !== '' && !seen.has(p) && seen.add(p))
}

/** The points of a Markdown bullet list written by the trainer (one per item or line). */
export function pointsOfList(markdown: string): string[] {
  const { blocks, table } = parseMarkdown(markdown)
  const lines = blocks.flatMap((b) =>
    b.type === 'bullet' ? [plain(b.runs)] : plain(b.runs).split(/\n+/),
  )
  if (table) lines.push(...table.rows.map((row) => row.filter(Boolean).join('：')))
  return lines.map((l) => l.trim()).filter(Boolean)
}

/** Points as the Markdown list the builder shows and the override stores. */
export function pointsToMarkdown(points: string[]): string {
  return points.map((p) => `- ${p}`).join('\n')
}

/** Points in slide-sized groups. */
export function pagesOfPoints(points: string[]): string[][] {
  const pages: string[][] = []
  for (let i = 0; i < points.length; i += POINTS_PER_SLIDE)
    pages.push(points.slice(i, i + POINTS_PER_SLIDE))
  return pages
}

/** Points as bullet blocks for the slide renderers. */
export function pointBlocks(points: string[]): TextBlock[] {
  return points.map((text) => ({ type: 'bullet', runs: [{ text }], level: 0 }))
}

interface Candidate {
  text: string
  score: number
  order: number
}

const HAS_FIGURE = /[0-9０-９]/
// 「次のように整理しました。」 introduces a list; on a slide the list says it better.
const LEAD_IN = /(次の|以下の|つぎの).*(。|：|:)$|[：:]$/

function candidatesOf(blocks: TextBlock[], table: MarkdownTable | undefined): Candidate[] {
  const out: Candidate[] = []
  const add = (text: string, score: number) =>
    out.push({ text: text.trim(), score, order: out.length })
  for (const block of blocks) {
    if (block.type === 'heading') continue
    if (block.type === 'bullet') {
      add(leadIn(block), (block.level ?? 0) === 0 ? 3 : 1)
      continue
    }
    sentencesOf(plain(block.runs)).forEach((sentence, i) => {
      const s = sentence.trim()
      if (!s) return
      if (LEAD_IN.test(s)) return add(s, 0)
      add(s, (i === 0 ? 3 : 1) + (HAS_FIGURE.test(s) ? 2 : 0))
    })
  }
  for (const row of table?.rows ?? []) add(row.filter(Boolean).join('：'), 2)
  return out.filter((c) => c.text !== '')
}

/**
 * A list item that opens with a bold sentence (「**物件の交渉は商店街の人に任せる。** オーナーは…」)
 * is summarised by that sentence; otherwise the item's first sentence.
 */
function leadIn(block: TextBlock): string {
  const first = block.runs[0]
  const text = plain(block.runs)
  if (first?.bold && textWidth(first.text) >= 6 && first.text.length < text.length)
    return first.text
  return sentencesOf(text)[0] ?? text
}

/** One point: no closing 。, and a long sentence trimmed at a natural break. */
export function toPoint(text: string): string {
  let point = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。．.]+$/, '')
    .replace(/[：:]$/, '')
  if (textWidth(point) <= POINT_MAX_WIDTH) return point
  point = trimAtBreak(point)
  return `${point}…`
}

// Where a Japanese sentence can be cut and still read: after a clause (、), before a bracket,
// after a colon or a connective ending.
const CLAUSE_END = /[、，,：:）」』]|(?:ため|ので|して|により|によって|ながら)$/

function trimAtBreak(text: string): string {
  const limit = POINT_MAX_WIDTH - 1
  const phrases = phrasesOf(text)
  let head = ''
  let best = ''
  for (const phrase of phrases) {
    if (textWidth(head + phrase) > limit) break
    head += phrase
    if (CLAUSE_END.test(head.slice(-4)) && textWidth(head) >= limit * 0.4) best = head
  }
  const cut = best || head || text.slice(0, Math.floor(limit))
  return cut.replace(/[、，,：:\s]+$/, '')
}
