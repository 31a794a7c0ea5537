import type PptxGenJS from 'pptxgenjs'
import type { DeckOutline, Slide } from '../../../common/decks/slide-types'
import type { Library } from '../library'
import { drawCollaboration, drawOutcomes, drawPhotos, drawTable } from './pptx-figures'
import type { PptSlide } from './pptx-frame'
import {
  drawAgenda,
  drawClosing,
  drawCover,
  drawDivider,
  drawMissing,
  drawPoints,
} from './pptx-slides'
import { fixPptxXml } from './pptx-xml-fixes'
import { SLIDE_H, SLIDE_W } from './slide-layout'
import { PPTX_FONT, THEME } from './slide-theme'

/**
 * The deck as an editable PowerPoint file (16:9): every text is a native text box or table
 * cell in Meiryo, broken into lines at phrase boundaries; outcomes are large native figures,
 * photos are embedded from the attachments, and each slide's notes carry the section's whole
 * text and the source. Reports progress per slide.
 */
export async function exportPptx(
  outline: DeckOutline,
  library: Library,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const pptx = new (await loadPptxGenJS())()
  pptx.title = outline.title
  if (outline.author) pptx.author = outline.author
  pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT }
  // 16:9. pptxgenjs' LAYOUT_16x9 is 10 × 5.625 in; LAYOUT_WIDE is the same ratio at
  // PowerPoint's own widescreen size (13.333 × 7.5 in), so point sizes look as trainers expect.
  pptx.layout = 'LAYOUT_WIDE'
  const total = outline.slides.length + 1
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
    await drawSlide(s, slide, library)
    if (slide.notes) s.addNotes(slide.notes)
    onProgress?.(i + 1, total)
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array
  const result = await fixPptxXml(written)
  onProgress?.(total, total)
  return result
}

/** One drawing function per kind of slide. */
async function drawSlide(s: PptSlide, slide: Slide, library: Library): Promise<void> {
  switch (slide.kind) {
    case 'title':
      return drawCover(s, slide)
    case 'agenda':
      return drawAgenda(s, slide)
    case 'case-overview':
      return drawDivider(s, slide)
    case 'section':
    case 'text':
      return drawPoints(s, slide)
    case 'table':
      return drawTable(s, slide)
    case 'outcomes':
      return drawOutcomes(s, slide)
    case 'photos':
      return drawPhotos(s, slide, library)
    case 'collaboration':
      return drawCollaboration(s, slide)
    case 'closing':
      return drawClosing(s, slide)
    case 'missing':
      return drawMissing(s, slide)
  }
}

/**
 * pptxgenjs is loaded on the first export, not at start: every process that opens a library
 * would otherwise hold its code (12 MB of RSS in plain Node, ≈70 MB under tsx) for an export
 * most sessions never make.
 */
async function loadPptxGenJS(): Promise<typeof PptxGenJS> {
  return (await import('pptxgenjs')).default
}
