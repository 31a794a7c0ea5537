import { readFile } from 'node:fs/promises'
import { wrapPhrases } from '../../../common/decks/phrase-breaks'
import { slideHeading, type Slide } from '../../../common/decks/slide-types'
import type { Library } from '../library'
import { photoMimeType } from './image-size'
import { photoFrames } from './photo-layout'
import {
  BODY_H,
  BODY_W,
  BODY_Y,
  FONT,
  MARGIN,
  bodyBox,
  charsPerLine,
  header,
  type PptSlide,
} from './pptx-frame'
import { BODY_FONT_PT, TABLE_FONT_PT, tableColumnFractions } from './slide-layout'
import { firstColumn } from './slide-table'
import { THEME } from './slide-theme'

type Of<K extends Slide['kind']> = Extract<Slide, { kind: K }>

const CELL = {
  ...FONT,
  fontSize: TABLE_FONT_PT,
  valign: 'middle' as const,
  margin: [4, 6, 4, 6] as [number, number, number, number],
}

/** Cell text broken at phrase boundaries for its column (a table cell wraps like a text box). */
function cellText(text: string, widthIn: number): string {
  return wrapPhrases(text, charsPerLine(widthIn - 0.1, TABLE_FONT_PT)).join('\n')
}

/** A native table (役割分担): header row in navy, the first column bold, 16 pt. */
export function drawTable(s: PptSlide, slide: Of<'table'>): void {
  header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
  const widths = tableColumnFractions(slide.columns.length, firstColumn(slide)).map(
    (f) => f * BODY_W,
  )
  const head = slide.columns.map((text, c) => ({
    text: cellText(text, widths[c]!),
    options: { ...CELL, bold: true, color: 'FFFFFF', fill: { color: THEME.navy } },
  }))
  const rows = slide.rows.map((row, r) =>
    row.map((text, c) => ({
      text: cellText(text, widths[c]!),
      options: {
        ...CELL,
        color: THEME.text,
        bold: c === 0,
        fill: { color: r % 2 ? 'FFFFFF' : THEME.light },
      },
    })),
  )
  s.addTable([head, ...rows], {
    x: MARGIN,
    y: BODY_Y,
    w: BODY_W,
    colW: widths,
    border: { type: 'solid', pt: 0.75, color: THEME.rule },
    autoPage: false,
  })
}

/** Outcomes as large native figures, up to three a row. */
export function drawOutcomes(s: PptSlide, slide: Of<'outcomes'>): void {
  header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
  const cols = Math.min(slide.figures.length, 3)
  const rows = Math.ceil(slide.figures.length / 3)
  const gap = 0.3
  const w = (BODY_W - gap * (cols - 1)) / cols
  const h = Math.min(2.6, (BODY_H - gap * (rows - 1)) / rows)
  const top = BODY_Y + (BODY_H - (h * rows + gap * (rows - 1))) / 2
  slide.figures.forEach((f, i) => {
    const x = MARGIN + (i % 3) * (w + gap)
    const y = top + Math.floor(i / 3) * (h + gap)
    s.addShape('roundRect', {
      x,
      y,
      w,
      h,
      rectRadius: 0.1,
      fill: { color: THEME.light },
      line: { color: THEME.rule },
    })
    const size = f.value.length <= 5 ? 54 : f.value.length <= 8 ? 44 : 32
    s.addText(
      [
        { text: f.value, options: { ...FONT, fontSize: size, bold: true, color: THEME.accent } },
        { text: ` ${f.unit}`, options: { ...FONT, fontSize: 22, bold: true, color: THEME.accent } },
      ],
      { x, y: y + 0.15, w, h: h * 0.55, align: 'center', valign: 'bottom', margin: 0 },
    )
    s.addText(wrapPhrases(f.label, charsPerLine(w - 0.3, 20)).join('\n'), {
      ...FONT,
      x: x + 0.15,
      y: y + h * 0.6,
      w: w - 0.3,
      h: h * 0.38,
      fontSize: 20,
      color: THEME.text,
      align: 'center',
      valign: 'top',
    })
  })
}

/** Photos from the case's attachments, fitted to their frames, with their names. */
export async function drawPhotos(
  s: PptSlide,
  slide: Of<'photos'>,
  library: Library,
): Promise<void> {
  header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
  const frames = photoFrames(slide.photos, { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H })
  for (const [i, photo] of slide.photos.entries()) {
    const frame = frames[i]!
    const data = await photoDataUrl(library, photo.caseId, photo.name)
    if (data) s.addImage({ data, ...frame.image, altText: photo.name })
    s.addText(photo.name, {
      ...FONT,
      ...frame.caption,
      fontSize: 11,
      color: THEME.muted,
      align: 'center',
    })
  }
}

/** The four elements of 協働: a native table of scores (●●●○○ 3/5), the notes as points. */
export function drawCollaboration(s: PptSlide, slide: Of<'collaboration'>): void {
  header(s, slide.caseTitle, slide.heading)
  const widths = [0.4 * BODY_W, 0.6 * BODY_W]
  const rows = slide.rows.map((row, r) => [
    {
      text: row.label,
      options: {
        ...CELL,
        fontSize: 20,
        bold: true,
        color: THEME.navy,
        fill: { color: r % 2 ? 'FFFFFF' : THEME.light },
      },
    },
    {
      text: `${'●'.repeat(row.score)}${'○'.repeat(5 - row.score)}  ${row.score} / 5`,
      options: {
        ...CELL,
        fontSize: 24,
        color: THEME.accent,
        fill: { color: r % 2 ? 'FFFFFF' : THEME.light },
      },
    },
  ])
  s.addTable(rows, {
    x: MARGIN,
    y: BODY_Y,
    w: BODY_W,
    colW: widths,
    rowH: 0.55,
    border: { type: 'solid', pt: 0.75, color: THEME.rule },
    autoPage: false,
  })
  const top = BODY_Y + 0.55 * rows.length + 0.3
  bodyBox(s, slide.blocks, BODY_FONT_PT, { x: MARGIN, y: top, w: BODY_W, h: 6.9 - top })
}

async function photoDataUrl(
  library: Library,
  caseId: string,
  name: string,
): Promise<string | undefined> {
  const type = photoMimeType(name)
  if (!type) return undefined
  try {
    const data = await readFile(await library.attachments.pathOf(caseId, name))
    return `data:${type};base64,${data.toString('base64')}`
  } catch {
    return undefined // removed since the outline was built: leave the frame empty
  }
}
