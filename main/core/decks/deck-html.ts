import { readFile } from 'node:fs/promises'
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
import { CSS_FONT_STACK, THEME } from './slide-theme'
import {
  slideHeading,
  type DeckOutline,
  type Slide,
  type TextBlock,
} from '../../../common/decks/slide-types'

export interface DeckHtmlOptions {
  /** Slides per printed page; default 1. */
  perPage?: 1 | 2
  /** Print the speaker notes beside or under each slide; default true. */
  notes?: boolean
}

/**
 * The deck as one self-contained HTML page for printing (a handout): inline CSS, photos as
 * data: URLs, no script and no external reference, so Chromium or Electron's printToPDF can
 * print it offline. Slides are 16:9 and laid out in inches like the PowerPoint export (CSS
 * container units scale them to whatever width the page gives).
 */
export async function exportDeckHtml(
  outline: DeckOutline,
  library: Library,
  options: DeckHtmlOptions = {},
): Promise<string> {
  const perPage = options.perPage ?? 1
  const notes = options.notes ?? true
  const images = new Map<string, string>()
  for (const slide of outline.slides) {
    if (slide.kind !== 'photos') continue
    for (const p of slide.photos) {
      const key = `${p.caseId}/${p.name}`
      const type = photoMimeType(p.name)
      if (!type || images.has(key)) continue
      try {
        const data = await readFile(await library.attachments.pathOf(p.caseId, p.name))
        images.set(key, `data:${type};base64,${data.toString('base64')}`)
      } catch {
        // Removed since the outline was built: the frame stays empty with its caption.
      }
    }
  }
  const items = outline.slides.map(
    (slide, i) =>
      `<div class="item"><section class="slide kind-${slide.kind}" aria-label="スライド ${i + 1}">${slideHtml(slide, images)}<span class="num">${i + 1}</span></section>` +
      (notes ? `<div class="notes">${slide.notes ? esc(slide.notes) : ''}</div>` : '') +
      '</div>',
  )
  const pages: string[] = []
  for (let i = 0; i < items.length; i += perPage)
    pages.push(`<div class="page">${items.slice(i, i + perPage).join('')}</div>`)
  const layout = `per-${perPage}${notes ? ' with-notes' : ''}`
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(outline.title)}</title>
<style>${css(perPage, notes)}</style>
</head><body class="${layout}">
${pages.join('\n')}
</body></html>
`
}

function slideHtml(slide: Slide, images: Map<string, string>): string {
  switch (slide.kind) {
    case 'title':
      return `<div class="title-block"><h1 style="font-size:${pt(titleSize(slide.title, 40))}">${esc(slide.title)}</h1>${
        slide.subtitle ? `<p class="subtitle">${esc(slide.subtitle)}</p>` : ''
      }${
        slide.author || slide.date
          ? `<p class="byline">${esc([slide.author, slide.date].filter(Boolean).join('　'))}</p>`
          : ''
      }</div>`
    case 'case-overview': {
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')].filter(
        Boolean,
      )
      return `${band()}<h1 class="case-title" style="font-size:${pt(titleSize(slide.caseTitle, 30))}">${esc(slide.caseTitle)}</h1>
<div class="chips">${slide.chips.map((c) => `<span class="chip" style="background:${esc(c.color)}">${esc(c.label)}</span>`).join('')}</div>
${facts.length ? `<p class="facts">${esc(facts.join('　｜　'))}</p>` : ''}<hr>
${slide.summary ? `<p class="summary">${esc(slide.summary)}</p>` : ''}`
    }
    case 'section':
      return (
        header(slide.caseTitle, slideHeading(slide.heading, slide.part)) + bodyHtml(slide.blocks)
      )
    case 'text':
      return header(undefined, slideHeading(slide.title, slide.part)) + bodyHtml(slide.blocks)
    case 'table': {
      const cols = tableColumnFractions(slide.columns.length)
      return `${header(slide.caseTitle, slideHeading(slide.heading, slide.part))}<div class="body"><table>
<colgroup>${cols.map((f) => `<col style="width:${(f * 100).toFixed(2)}%">`).join('')}</colgroup>
<thead><tr>${slide.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
<tbody>${slide.rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
    }
    case 'outcomes':
      return `${header(slide.caseTitle, slideHeading(slide.heading, slide.part))}<div class="body figures n${Math.min(slide.figures.length, 3)}">${slide.figures
        .map(
          (f) =>
            `<div class="figure"><p class="value"><b>${esc(f.value)}</b> ${esc(f.unit)}</p><p class="label">${esc(f.label)}</p></div>`,
        )
        .join('')}</div>`
    case 'photos': {
      const frames = photoFrames(slide.photos, {
        x: 0.6,
        y: 1.5,
        w: SLIDE_W - 1.2,
        h: SLIDE_H - 2.1,
      })
      return (
        header(slide.caseTitle, slideHeading(slide.heading, slide.part)) +
        slide.photos
          .map((p, i) => {
            const f = frames[i]!
            const src = images.get(`${p.caseId}/${p.name}`)
            return `${src ? `<img alt="${esc(p.name)}" src="${src}" style="${box(f.image)}">` : ''}<p class="caption" style="${box(f.caption)}">${esc(p.name)}</p>`
          })
          .join('')
      )
    }
    case 'missing':
      return `${header(undefined, '事例が見つかりません')}<div class="body"><p class="missing">${esc(slide.message)}</p><p class="muted">事例ID: ${esc(slide.caseId)}</p></div>`
  }
}

function band(): string {
  return '<div class="band"></div>'
}

function header(caseTitle: string | undefined, heading: string): string {
  return `${band()}${caseTitle ? `<p class="case-line">${esc(caseTitle)}</p>` : ''}<h2>${esc(heading)}</h2>`
}

function bodyHtml(blocks: TextBlock[]): string {
  const paragraphs = blocks.map((b) => {
    const runs = b.runs.map((r) => (r.bold ? `<b>${esc(r.text)}</b>` : esc(r.text))).join('')
    if (b.type === 'heading') return `<p class="h">${runs}</p>`
    if (b.type === 'bullet') return `<p class="li l${Math.min(b.level ?? 0, 3)}">${runs}</p>`
    return `<p>${runs}</p>`
  })
  return `<div class="body text">${paragraphs.join('')}</div>`
}

/** Inches on the slide, as CSS (the slide is 13.333 in wide = 100cqw). */
function inch(n: number): string {
  return `${((n / SLIDE_W) * 100).toFixed(3)}cqw`
}
function pt(n: number): string {
  return inch(n / 72)
}
function box(b: { x: number; y: number; w: number; h: number }): string {
  return `left:${inch(b.x)};top:${inch(b.y)};width:${inch(b.w)};height:${inch(b.h)}`
}

function titleSize(text: string, max: number): number {
  const w = textWidth(text)
  if (w <= 28) return max
  if (w <= 60) return max - 6
  if (w <= 100) return max - 12
  return max - 16
}

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function css(perPage: 1 | 2, notes: boolean): string {
  const c = (hex: string) => `#${hex}`
  // 1 per page: with notes A4 portrait (slide on top, notes under it, flowing on if long);
  // without, A4 landscape filled by the slide. 2 per page: with notes A4 landscape, two columns
  // of slide + notes (notes cut at the page; print 1 per page for every word); without, A4
  // portrait with the two slides stacked.
  const landscape = perPage === 1 ? !notes : notes
  const page = landscape ? 'A4 landscape' : 'A4 portrait'
  const itemLayout =
    perPage === 2 && notes
      ? '.page{display:grid;grid-template-columns:1fr 1fr;gap:8mm;align-items:start}.item{margin:0}.notes{max-height:100mm;overflow:hidden}'
      : ''
  return `
@page{size:${page};margin:10mm}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${CSS_FONT_STACK};color:${c(THEME.text)};background:#e9edf2;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:${landscape ? 277 : 190}mm;margin:0 auto;padding:6mm 0;break-after:page}
.page:last-child{break-after:auto}
.item{break-inside:avoid;margin-bottom:6mm}
.slide{position:relative;width:100%;aspect-ratio:16/9;container-type:inline-size;background:#fff;overflow:hidden;border:0.3mm solid ${c(THEME.rule)};line-height:1.35}
.slide p,.slide h1,.slide h2{margin:0}
.notes{white-space:pre-wrap;font-size:8.5pt;line-height:1.45;color:#333;padding:3mm 1mm 0;overflow-wrap:anywhere}
.band{position:absolute;left:0;top:0;width:100%;height:${inch(0.18)};background:${c(THEME.navy)}}
.num{position:absolute;right:${inch(0.4)};bottom:${inch(0.2)};font-size:${pt(10)};color:${c(THEME.muted)}}
.case-line{position:absolute;left:${inch(0.6)};top:${inch(0.3)};width:${inch(SLIDE_W - 1.2)};font-size:${pt(12)};color:${c(THEME.muted)};white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.slide h2{position:absolute;left:${inch(0.6)};top:${inch(0.7)};width:${inch(SLIDE_W - 1.2)};height:${inch(0.65)};display:flex;align-items:center;font-size:${pt(28)};color:${c(THEME.navy)};border-bottom:${inch(0.03)} solid ${c(THEME.accent)}}
.body{position:absolute;left:${inch(0.6)};top:${inch(1.5)};width:${inch(SLIDE_W - 1.2)};height:${inch(SLIDE_H - 2.1)}}
.text p{font-size:${pt(BODY_FONT_PT)};margin-bottom:${pt(6)};line-height:1.3}
.text p.h{font-weight:bold;color:${c(THEME.navy)};font-size:${pt(BODY_FONT_PT + 2)}}
.text p.li{position:relative;padding-left:${pt(18)}}
.text p.li::before{content:'•';position:absolute;left:${pt(4)}}
.text p.l1{margin-left:${pt(24)}}.text p.l2{margin-left:${pt(48)}}.text p.l3{margin-left:${pt(72)}}
.kind-title{background:${c(THEME.navy)};color:#fff}
.title-block{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;padding:0 ${inch(0.6)}}
.title-block h1{font-weight:bold;line-height:1.3}
.subtitle{font-size:${pt(22)};color:#dde6f0;margin-top:${inch(0.3)}!important}
.byline{font-size:${pt(16)};color:#dde6f0;margin-top:${inch(0.6)}!important}
.case-title{position:absolute;left:${inch(0.6)};top:${inch(0.45)};width:${inch(SLIDE_W - 1.2)};height:${inch(1.4)};display:flex;align-items:center;color:${c(THEME.navy)};line-height:1.3}
.chips{position:absolute;left:${inch(0.6)};top:${inch(2.0)};display:flex;gap:${inch(0.15)}}
.chip{color:#fff;font-weight:bold;font-size:${pt(13)};padding:${inch(0.07)} ${inch(0.25)};border-radius:${inch(0.15)}}
.facts{position:absolute;left:${inch(0.6)};top:${inch(2.6)};font-size:${pt(16)};color:${c(THEME.muted)}}
.slide hr{position:absolute;left:${inch(0.6)};top:${inch(3.15)};width:${inch(SLIDE_W - 1.2)};border:0;border-top:1px solid ${c(THEME.rule)};margin:0}
.summary{position:absolute;left:${inch(0.6)};top:${inch(3.4)};width:${inch(SLIDE_W - 1.2)};font-size:${pt(BODY_FONT_PT + 2)};line-height:1.45}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:${pt(TABLE_FONT_PT)}}
th,td{border:1px solid ${c(THEME.rule)};padding:${pt(4)} ${pt(6)};text-align:left;vertical-align:middle}
th{background:${c(THEME.navy)};color:#fff}
tbody tr:nth-child(odd) td{background:${c(THEME.light)}}
td:first-child{font-weight:bold}
.figures{display:grid;gap:${inch(0.3)};align-content:center}
.figures.n1{grid-template-columns:1fr}.figures.n2{grid-template-columns:1fr 1fr}.figures.n3{grid-template-columns:1fr 1fr 1fr}
.figure{background:${c(THEME.light)};border:1px solid ${c(THEME.rule)};border-radius:${inch(0.1)};height:${inch(2.4)};display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;padding:${inch(0.15)}}
.value{color:${c(THEME.accent)};font-weight:bold;font-size:${pt(20)}}
.value b{font-size:${pt(54)}}
.label{font-size:${pt(16)};margin-top:${inch(0.15)}!important}
.slide img{position:absolute;object-fit:contain}
.caption{position:absolute;text-align:center;font-size:${pt(11)};color:${c(THEME.muted)}}
.missing{font-size:${pt(22)};font-weight:bold;color:${c(THEME.warn)};margin-bottom:${pt(12)}!important}
.muted{color:${c(THEME.muted)};font-size:${pt(16)}}
${itemLayout}
@media print{body{background:#fff}.page{max-width:none;padding:0}}
`
}
