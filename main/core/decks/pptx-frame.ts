import type PptxGenJS from 'pptxgenjs'
import { wrapPhrases } from '../../../common/decks/phrase-breaks'
import type { TextBlock } from '../../../common/decks/slide-types'
import { SLIDE_H, SLIDE_W } from './slide-layout'
import { PPTX_FONT, THEME } from './slide-theme'

export type PptSlide = PptxGenJS.Slide
export type TextProps = PptxGenJS.TextProps

export const MARGIN = 0.6
export const BODY_W = SLIDE_W - 2 * MARGIN
export const BODY_Y = 1.5
export const BODY_H = SLIDE_H - BODY_Y - 0.6

/** Every run carries the font and the language, so PowerPoint picks the East-Asian face. */
export const FONT = { fontFace: PPTX_FONT, lang: 'ja-JP' } as const

/** The inset pptxgenjs gives a text box on each side, in inches. */
const INSET = 0.1

/**
 * Full-width characters a line of a `width`-inch box holds at `points`, with a margin so that
 * PowerPoint (or LibreOffice with another CJK font) never needs to wrap a line itself.
 */
export function charsPerLine(width: number, points: number): number {
  return Math.floor((((width - 2 * INSET) * 72) / points) * 0.92)
}

/**
 * One paragraph as runs, broken into lines at BudouX phrase boundaries with soft line breaks
 * (`<a:br/>`): PowerPoint wraps Japanese anywhere, so we decide where lines end.
 */
export function phraseRuns(
  text: string,
  perLine: number,
  run: PptxGenJS.TextPropsOptions,
  paragraph: PptxGenJS.TextPropsOptions = {},
): TextProps[] {
  const lines = wrapPhrases(text, perLine)
  return lines.map((line, i) => ({
    text: line,
    options: {
      ...run,
      ...(i === 0 ? paragraph : { softBreakBefore: true }),
      ...(i === lines.length - 1 && { breakLine: true }),
    },
  }))
}

/** The largest of `sizes` at which `text` fits `maxLines` lines of a `width`-inch box. */
export function fittingSize(
  text: string,
  width: number,
  maxLines: number,
  sizes: number[],
): number {
  for (const size of sizes)
    if (wrapPhrases(text, charsPerLine(width, size)).length <= maxLines) return size
  return sizes[sizes.length - 1]!
}

/** The navy band at the top of every content slide. */
export function band(s: PptSlide): void {
  s.addShape('rect', {
    x: 0,
    y: 0,
    w: SLIDE_W,
    h: 0.18,
    fill: { color: THEME.navy },
    line: { color: THEME.navy },
  })
}

/** Band, the case's title in small type, the slide's heading and the rule under it. */
export function header(s: PptSlide, caseTitle: string | undefined, heading: string): void {
  band(s)
  if (caseTitle)
    s.addText(oneLine(caseTitle, 70), {
      ...FONT,
      x: MARGIN,
      y: 0.3,
      w: BODY_W,
      h: 0.4,
      fontSize: 12,
      color: THEME.muted,
      margin: 0,
    })
  const size = fittingSize(heading, BODY_W, 1, [28, 24, 20])
  s.addText(
    phraseRuns(heading, charsPerLine(BODY_W, size), {
      ...FONT,
      fontSize: size,
      bold: true,
      color: THEME.navy,
    }),
    {
      x: MARGIN,
      y: 0.7,
      w: BODY_W,
      h: 0.65,
      margin: 0,
      valign: 'middle',
      objectName: 'Heading',
    },
  )
  s.addShape('line', {
    x: MARGIN,
    y: 1.38,
    w: BODY_W,
    h: 0,
    line: { color: THEME.accent, width: 2 },
  })
}

/**
 * Bullets and paragraphs in one text box (`Body`), each broken at phrase boundaries. `size` is
 * 24 pt for a case's points and 20 pt for free text; never smaller.
 */
export function bodyBox(
  s: PptSlide,
  blocks: TextBlock[],
  size: number,
  box: { x: number; y: number; w: number; h: number } = {
    x: MARGIN,
    y: BODY_Y,
    w: BODY_W,
    h: BODY_H,
  },
): void {
  if (blocks.length === 0) return
  const runs: TextProps[] = []
  for (const block of blocks) {
    const bullet = block.type === 'bullet'
    const level = bullet ? (block.level ?? 0) : 0
    const indent = bullet ? 0.35 * (level + 1) : 0
    const text = block.runs.map((r) => r.text).join('')
    const bold = block.type === 'heading' || block.runs.every((r) => r.bold)
    runs.push(
      ...phraseRuns(
        text,
        charsPerLine(box.w - indent, size),
        {
          ...FONT,
          fontSize: size,
          bold,
          color: block.type === 'heading' ? THEME.navy : THEME.text,
        },
        {
          paraSpaceAfter: 10,
          ...(bullet ? { bullet: { indent: 22 }, indentLevel: level } : { bullet: false }),
        },
      ),
    )
  }
  s.addText(runs, { ...box, valign: 'top', lineSpacingMultiple: 1.1, objectName: 'Body' })
}

export function oneLine(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
