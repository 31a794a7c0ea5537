import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import type { Library } from '../library'
import { photoMimeType } from './image-size'
import { photoFrames } from './photo-layout'
import {
  BODY_FONT_PT,
  SLIDE_H,
  SLIDE_W,
  TABLE_FONT_PT,
  tableColumnFractions,
  textWidth,
} from './slide-layout'
import { PPTX_FALLBACK_FONT, PPTX_FONT, THEME } from './slide-theme'
import {
  slideHeading,
  type DeckOutline,
  type Slide,
  type TextBlock,
} from '../../../common/decks/slide-types'

type PptSlide = PptxGenJS.Slide
type TextProps = PptxGenJS.TextPropsOptions

const MARGIN = 0.6
const BODY_W = SLIDE_W - 2 * MARGIN
const BODY_Y = 1.5
const BODY_H = SLIDE_H - BODY_Y - 0.6

/** Every run carries the font and the language, so PowerPoint picks the East-Asian face. */
const FONT = { fontFace: PPTX_FONT, lang: 'ja-JP' } as const

/**
 * The deck as an editable PowerPoint file (16:9): every text is a native text box or table
 * cell in Meiryo, outcomes are large native figures, photos are embedded from the attachments,
 * and each slide's notes carry the detail and the source. Reports progress per slide.
 */
export async function exportPptx(
  outline: DeckOutline,
  library: Library,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const pptx = new PptxGenJS()
  pptx.title = outline.title
  if (outline.author) pptx.author = outline.author
  pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT }
  // 16:9. pptxgenjs' LAYOUT_16x9 is 10 × 5.625 in; LAYOUT_WIDE is the same ratio at
  // PowerPoint's own widescreen size (13.333 × 7.5 in), so point sizes look as trainers expect.
  pptx.layout = 'LAYOUT_WIDE'
  const total = outline.slides.length + 1
  const photos = new PhotoCache(library)
  for (const [i, slide] of outline.slides.entries()) {
    const s = pptx.addSlide()
    s.slideNumber = {
      x: SLIDE_W - 1.1,
      y: SLIDE_H - 0.45,
      w: 0.8,
      h: 0.3,
      fontSize: 10,
      color: THEME.muted,
      fontFace: PPTX_FONT,
    }
    await drawSlide(s, slide, photos)
    if (slide.notes) s.addNotes(slide.notes)
    onProgress?.(i + 1, total)
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array
  const result = await fixPptxXml(written)
  onProgress?.(total, total)
  return result
}

/**
 * Two fixes to what pptxgenjs writes, applied to the zip:
 * - it sets the run fonts (latin, ea and cs = Meiryo) but leaves the theme's East-Asian font
 *   empty; notes and anything typed later in PowerPoint use the theme, so set it to Meiryo and
 *   the Japanese script fallback to Yu Gothic;
 * - it writes an `<a:pPr>` before every run of a paragraph, where OOXML allows one, first; a
 *   bold lead-in followed by plain text would then lose its bullet (or make PowerPoint repair
 *   the file), so keep only the first.
 */
async function fixPptxXml(pptxData: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptxData)
  const names = Object.keys(zip.files)
  for (const name of names.filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    zip.file(
      name,
      xml
        .replaceAll('<a:ea typeface=""/>', `<a:ea typeface="${PPTX_FONT}"/>`)
        .replace(
          /<a:font script="Jpan" typeface="[^"]*"\/>/g,
          `<a:font script="Jpan" typeface="${PPTX_FALLBACK_FONT}"/>`,
        ),
    )
  }
  for (const name of names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    zip.file(
      name,
      xml.replace(
        /<a:p>([\s\S]*?)<\/a:p>/g,
        (_, inner: string) => `<a:p>${singleParagraphProps(inner)}</a:p>`,
      ),
    )
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const PARAGRAPH_PROPS = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g

function singleParagraphProps(inner: string): string {
  let first = true
  return inner.replace(PARAGRAPH_PROPS, (match) => {
    if (first) {
      first = false
      return match
    }
    return ''
  })
}

class PhotoCache {
  constructor(private readonly library: Library) {}
  async dataUrl(caseId: string, name: string): Promise<string | undefined> {
    const type = photoMimeType(name)
    if (!type) return undefined
    try {
      const data = await readFile(await this.library.attachments.pathOf(caseId, name))
      return `data:${type};base64,${data.toString('base64')}`
    } catch {
      return undefined // removed since the outline was built: leave the frame empty
    }
  }
}

async function drawSlide(s: PptSlide, slide: Slide, photos: PhotoCache): Promise<void> {
  switch (slide.kind) {
    case 'title':
      s.background = { color: THEME.navy }
      s.addText(slide.title, {
        ...FONT,
        x: MARGIN,
        y: 1.8,
        w: BODY_W,
        h: 1.9,
        fontSize: titleSize(slide.title, 40),
        bold: true,
        color: 'FFFFFF',
        align: 'center',
        valign: 'middle',
      })
      if (slide.subtitle)
        s.addText(slide.subtitle, {
          ...FONT,
          x: MARGIN,
          y: 3.8,
          w: BODY_W,
          h: 0.9,
          fontSize: 22,
          color: 'DDE6F0',
          align: 'center',
        })
      if (slide.author || slide.date)
        s.addText([slide.author, slide.date].filter(Boolean).join('　'), {
          ...FONT,
          x: MARGIN,
          y: 5.4,
          w: BODY_W,
          h: 0.6,
          fontSize: 16,
          color: 'DDE6F0',
          align: 'center',
        })
      return
    case 'case-overview': {
      s.addShape('rect', {
        x: 0,
        y: 0,
        w: SLIDE_W,
        h: 0.18,
        fill: { color: THEME.navy },
        line: { color: THEME.navy },
      })
      s.addText(slide.caseTitle, {
        ...FONT,
        x: MARGIN,
        y: 0.45,
        w: BODY_W,
        h: 1.4,
        fontSize: titleSize(slide.caseTitle, 30),
        bold: true,
        color: THEME.navy,
        valign: 'middle',
      })
      let x = MARGIN
      for (const chip of slide.chips) {
        const w = Math.min(4.5, textWidth(chip.label) * 0.2 + 0.5)
        s.addText(chip.label, {
          ...FONT,
          shape: 'roundRect',
          rectRadius: 0.15,
          x,
          y: 2.0,
          w,
          h: 0.42,
          fontSize: 13,
          bold: true,
          color: 'FFFFFF',
          fill: { color: chip.color.replace('#', '') },
          align: 'center',
          valign: 'middle',
          margin: 0,
        })
        x += w + 0.15
      }
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')].filter(
        Boolean,
      )
      if (facts.length)
        s.addText(facts.join('　｜　'), {
          ...FONT,
          x: MARGIN,
          y: 2.6,
          w: BODY_W,
          h: 0.5,
          fontSize: 16,
          color: THEME.muted,
        })
      s.addShape('line', {
        x: MARGIN,
        y: 3.2,
        w: BODY_W,
        h: 0,
        line: { color: THEME.rule, width: 1 },
      })
      if (slide.summary)
        s.addText(slide.summary, {
          ...FONT,
          x: MARGIN,
          y: 3.4,
          w: BODY_W,
          h: 3.4,
          fontSize: BODY_FONT_PT + 2,
          color: THEME.text,
          valign: 'top',
          lineSpacingMultiple: 1.2,
        })
      return
    }
    case 'section':
      header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
      body(s, slide.blocks)
      return
    case 'text':
      header(s, undefined, slideHeading(slide.title, slide.part))
      body(s, slide.blocks)
      return
    case 'table': {
      header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
      const cell = {
        ...FONT,
        fontSize: TABLE_FONT_PT,
        valign: 'middle' as const,
        margin: [4, 6, 4, 6] as [number, number, number, number],
      }
      const head = slide.columns.map((text) => ({
        text,
        options: { ...cell, bold: true, color: 'FFFFFF', fill: { color: THEME.navy } },
      }))
      const rows = slide.rows.map((row, r) =>
        row.map((text, c) => ({
          text,
          options: {
            ...cell,
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
        colW: tableColumnFractions(slide.columns.length).map((f) => f * BODY_W),
        border: { type: 'solid', pt: 0.75, color: THEME.rule },
        autoPage: false,
      })
      return
    }
    case 'outcomes': {
      header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
      const cols = slide.figures.length <= 3 ? slide.figures.length : 3
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
        s.addText(
          [
            {
              text: f.value,
              options: { ...FONT, fontSize: figureSize(f.value), bold: true, color: THEME.accent },
            },
            {
              text: ` ${f.unit}`,
              options: { ...FONT, fontSize: 20, bold: true, color: THEME.accent },
            },
          ],
          { x, y: y + 0.15, w, h: h * 0.55, align: 'center', valign: 'bottom', margin: 0 },
        )
        s.addText(f.label, {
          ...FONT,
          x: x + 0.15,
          y: y + h * 0.6,
          w: w - 0.3,
          h: h * 0.35,
          fontSize: 16,
          color: THEME.text,
          align: 'center',
          valign: 'top',
        })
      })
      return
    }
    case 'photos': {
      header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
      const frames = photoFrames(slide.photos, { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H })
      for (const [i, photo] of slide.photos.entries()) {
        const frame = frames[i]!
        const data = await photos.dataUrl(photo.caseId, photo.name)
        if (data) s.addImage({ data, ...frame.image, altText: photo.name })
        s.addText(photo.name, {
          ...FONT,
          ...frame.caption,
          fontSize: 11,
          color: THEME.muted,
          align: 'center',
        })
      }
      return
    }
    case 'missing':
      header(s, undefined, '事例が見つかりません')
      s.addText(
        [
          {
            text: slide.message,
            options: { ...FONT, fontSize: 22, bold: true, color: THEME.warn, breakLine: true },
          },
          {
            text: `事例ID: ${slide.caseId}`,
            options: { ...FONT, fontSize: 16, color: THEME.muted },
          },
        ],
        { x: MARGIN, y: BODY_Y, w: BODY_W, h: 2, valign: 'top' },
      )
      return
  }
}

function header(s: PptSlide, caseTitle: string | undefined, heading: string): void {
  s.addShape('rect', {
    x: 0,
    y: 0,
    w: SLIDE_W,
    h: 0.18,
    fill: { color: THEME.navy },
    line: { color: THEME.navy },
  })
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
  s.addText(heading, {
    ...FONT,
    x: MARGIN,
    y: 0.7,
    w: BODY_W,
    h: 0.65,
    fontSize: 28,
    bold: true,
    color: THEME.navy,
    margin: 0,
    valign: 'middle',
    fit: 'shrink',
  })
  s.addShape('line', {
    x: MARGIN,
    y: 1.38,
    w: BODY_W,
    h: 0,
    line: { color: THEME.accent, width: 2 },
  })
}

function body(s: PptSlide, blocks: TextBlock[]): void {
  if (blocks.length === 0) return
  const runs: PptxGenJS.TextProps[] = []
  for (const block of blocks) {
    const character: TextProps = {
      ...FONT,
      fontSize: block.type === 'heading' ? BODY_FONT_PT + 2 : BODY_FONT_PT,
      color: block.type === 'heading' ? THEME.navy : THEME.text,
    }
    // Paragraph options go on the first run only: pptxgenjs starts a new paragraph at every run
    // that carries `bullet`, which would tear a bold lead-in from the rest of its sentence.
    const paragraph: TextProps = {
      paraSpaceAfter: 6,
      ...(block.type === 'bullet'
        ? { bullet: { indent: 18 }, indentLevel: block.level ?? 0 }
        : { bullet: false }),
    }
    block.runs.forEach((run, i) =>
      runs.push({
        text: run.text,
        options: {
          ...character,
          ...(i === 0 && paragraph),
          bold: block.type === 'heading' || Boolean(run.bold),
          ...(i === block.runs.length - 1 && { breakLine: true }),
        },
      }),
    )
  }
  s.addText(runs, {
    x: MARGIN,
    y: BODY_Y,
    w: BODY_W,
    h: BODY_H,
    valign: 'top',
    lineSpacingMultiple: 1.1,
  })
}

function titleSize(text: string, max: number): number {
  const w = textWidth(text)
  if (w <= 28) return max
  if (w <= 60) return max - 6
  if (w <= 100) return max - 12
  return max - 16
}

function figureSize(value: string): number {
  return value.length <= 5 ? 54 : value.length <= 8 ? 44 : 32
}

function oneLine(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
