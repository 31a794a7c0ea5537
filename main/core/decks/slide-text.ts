import { marked, type Token, type Tokens } from 'marked'
import {
  BODY_CHARS_PER_LINE,
  BODY_MAX_CHARS,
  BODY_MAX_LINES,
  POINTS_PER_SLIDE,
  linesFor,
  textWidth,
} from './slide-layout'
import type { TextBlock, TextRun } from '../../../common/decks/slide-types'

/** The `## ` sections of a case body, by heading (text before the first heading is dropped). */
export function bodySections(body: string): Map<string, string> {
  const sections = new Map<string, string>()
  let heading: string | null = null
  let lines: string[] = []
  const flush = () => {
    if (heading !== null) sections.set(heading, lines.join('\n').trim())
  }
  let fence = false
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence
    const match = fence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line)
    if (match) {
      flush()
      heading = match[1]!.trim()
      lines = []
    } else lines.push(line)
  }
  flush()
  return sections
}

export interface MarkdownTable {
  columns: string[]
  rows: string[][]
}

/** Blocks of a Markdown text, tables taken out separately (the first one is returned). */
export function parseMarkdown(markdown: string): { blocks: TextBlock[]; table?: MarkdownTable } {
  const blocks: TextBlock[] = []
  let table: MarkdownTable | undefined
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'table' && !table) {
      const t = token as Tokens.Table
      table = {
        columns: t.header.map((cell) => plain(inlineRuns(cell.tokens))),
        rows: t.rows.map((row) => row.map((cell) => plain(inlineRuns(cell.tokens)))),
      }
    } else blocks.push(...blockOf(token, 0))
  }
  return { blocks: blocks.filter((b) => plain(b.runs).trim() !== ''), table }
}

function blockOf(token: Token, level: number): TextBlock[] {
  switch (token.type) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: inlineRuns((token as Tokens.Paragraph).tokens) }]
    case 'heading':
      return [{ type: 'heading', runs: inlineRuns((token as Tokens.Heading).tokens) }]
    case 'list':
      return (token as Tokens.List).items.flatMap((item) => listItem(item, level))
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap((t) => blockOf(t, level))
    case 'code':
      return [{ type: 'paragraph', runs: [{ text: (token as Tokens.Code).text }] }]
    case 'table': {
      // A second table in one section: keep its content as lines of text.
      const t = token as Tokens.Table
      return t.rows.map((row) => ({
        type: 'bullet' as const,
        runs: [{ text: row.map((cell) => plain(inlineRuns(cell.tokens))).join('：') }],
        level,
      }))
    }
    case 'text':
      return [{ type: 'paragraph', runs: inlineRuns((token as Tokens.Text).tokens ?? [token]) }]
    default:
      return [] // space, hr, html: nothing to show on a slide
  }
}

function listItem(item: Tokens.ListItem, level: number): TextBlock[] {
  const out: TextBlock[] = []
  const runs: TextRun[] = []
  for (const child of item.tokens) {
    if (child.type === 'list') out.push(...blockOf(child, level + 1))
    else if (child.type === 'text' || child.type === 'paragraph') {
      if (runs.length > 0) runs.push({ text: ' ' })
      runs.push(...inlineRuns((child as Tokens.Text).tokens ?? [child]))
    } else out.push(...blockOf(child, level + 1))
  }
  return [{ type: 'bullet', runs: mergeRuns(runs), level }, ...out]
}

/** Inline Markdown as plain runs: emphasis kept as bold, links as their text, HTML dropped. */
export function inlineRuns(tokens: Token[] | undefined, bold = false): TextRun[] {
  const runs: TextRun[] = []
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, true))
        break
      case 'em':
      case 'del':
      case 'link':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, bold))
        break
      case 'text': {
        const t = token as Tokens.Text
        if (t.tokens && t.tokens.length > 0) runs.push(...inlineRuns(t.tokens, bold))
        else runs.push({ text: decodeEntities(t.text), ...(bold && { bold }) })
        break
      }
      case 'codespan':
      case 'escape':
        runs.push({ text: decodeEntities((token as Tokens.Codespan).text), ...(bold && { bold }) })
        break
      case 'image':
        runs.push({ text: (token as Tokens.Image).text })
        break
      case 'br':
        runs.push({ text: ' ' })
        break
      default:
        break // inline HTML and anything unknown: never shown raw
    }
  }
  return mergeRuns(runs)
}

function mergeRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = []
  for (const run of runs) {
    const last = out[out.length - 1]
    if (last && Boolean(last.bold) === Boolean(run.bold)) last.text += run.text
    else if (run.text !== '') out.push({ ...run })
  }
  return out
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

export function plain(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('')
}

/** Blocks as plain text lines, for speaker notes. */
export function blocksToText(blocks: TextBlock[]): string {
  return blocks
    .map((b) => `${'  '.repeat(b.level ?? 0)}${b.type === 'bullet' ? '・' : ''}${plain(b.runs)}`)
    .join('\n')
}

const INDENT_CHARS = 2

function blockCost(block: TextBlock): number {
  const indent = block.type === 'bullet' ? INDENT_CHARS * (1 + (block.level ?? 0)) : 0
  return linesFor(textWidth(plain(block.runs)), BODY_CHARS_PER_LINE - indent)
}

const blockChars = (block: TextBlock) => plain(block.runs).length

/**
 * Splits blocks into slide-sized pages: no page takes more than BODY_MAX_LINES lines or
 * BODY_MAX_CHARS characters, nor more than POINTS_PER_SLIDE paragraphs. A paragraph too long
 * for one slide is cut at sentence ends.
 */
export function paginateBlocks(blocks: TextBlock[]): TextBlock[][] {
  const pages: TextBlock[][] = []
  let page: TextBlock[] = []
  let lines = 0
  let chars = 0
  for (const block of blocks.flatMap(splitOversized)) {
    const cost = blockCost(block)
    const n = blockChars(block)
    const full =
      lines + cost > BODY_MAX_LINES || chars + n > BODY_MAX_CHARS || page.length >= POINTS_PER_SLIDE
    if (page.length > 0 && full) {
      pages.push(page)
      page = []
      lines = 0
      chars = 0
    }
    page.push(block)
    lines += cost
    chars += n
  }
  if (page.length > 0) pages.push(page)
  return pages
}

/** A block that alone would overflow a slide, cut into pieces that each fit. */
function splitOversized(block: TextBlock): TextBlock[] {
  if (blockCost(block) <= BODY_MAX_LINES && blockChars(block) <= BODY_MAX_CHARS) return [block]
  // Leave a margin of two lines so the piece fits alongside its neighbours' spacing.
  const maxWidth = (BODY_MAX_LINES - 2) * (BODY_CHARS_PER_LINE - INDENT_CHARS * 2)
  const pieces: TextBlock[] = []
  let current: TextRun[] = []
  let width = 0
  let chars = 0
  const push = () => {
    if (current.length > 0) pieces.push({ ...block, runs: mergeRuns(current) })
    current = []
    width = 0
    chars = 0
  }
  for (const run of block.runs) {
    for (const sentence of sentencesOf(run.text)) {
      for (const part of hardCut(sentence, maxWidth)) {
        const w = textWidth(part)
        if (width + w > maxWidth || chars + part.length > maxWidth) push()
        current.push({ ...run, text: part })
        width += w
        chars += part.length
      }
    }
  }
  push()
  return pieces
}

export function sentencesOf(text: string): string[] {
  return text.match(/[^。！？!?]*[。！？!?]+|[^。！？!?]+$/g) ?? [text]
}

function hardCut(text: string, maxWidth: number): string[] {
  const out: string[] = []
  let piece = ''
  for (const ch of text) {
    if (textWidth(piece + ch) > maxWidth || piece.length >= maxWidth) {
      out.push(piece)
      piece = ''
    }
    piece += ch
  }
  if (piece) out.push(piece)
  return out
}
