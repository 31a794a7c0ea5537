import { readFile } from 'node:fs/promises'
import { phrasesOf } from '../../../common/decks/phrase-breaks'
import type { Library } from '../library'
import { handoutCss, inch, pt } from './deck-html-css'
import { photoMimeType } from './image-size'
import { photoFrames } from './photo-layout'
import { SLIDE_H, SLIDE_W, tableColumnFractions, textWidth } from './slide-layout'
import { firstColumn } from './slide-table'
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
 * container units scale them to whatever width the page gives). Notes are never cut: they
 * flow on to the next page when a page cannot hold them.
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
<style>${handoutCss(perPage, notes)}</style>
</head><body class="${layout}">
${pages.join('\n')}
</body></html>
`
}

function slideHtml(slide: Slide, images: Map<string, string>): string {
  switch (slide.kind) {
    case 'title':
      return `<div class="title-block"><h1 style="font-size:${pt(titleSize(slide.title, 40))}">${ph(slide.title)}</h1>${
        slide.subtitle ? `<p class="subtitle">${ph(slide.subtitle)}</p>` : ''
      }${
        slide.author || slide.date
          ? `<p class="byline">${ph([slide.author, slide.date].filter(Boolean).join('　'))}</p>`
          : ''
      }</div>`
    case 'agenda':
      return `${header(undefined, slideHeading(slide.title, slide.part))}<div class="body agenda">${slide.entries
        .map(
          (e) =>
            `<p class="agenda-title">${e.number}. ${ph(e.title)}</p><p class="agenda-facts">${ph([e.partners, e.yearLabel].filter(Boolean).join('　'))}</p>`,
        )
        .join('')}</div>`
    case 'case-overview': {
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')]
      return `${band()}<h1 class="case-title" style="font-size:${pt(titleSize(slide.caseTitle, 32))}">${ph(slide.caseTitle)}</h1>
<div class="chips">${slide.chips.map((c) => `<span class="chip" style="background:${esc(c.color)}">${ph(c.label)}</span>`).join('')}</div>
<p class="facts">${facts
        .filter((f): f is string => Boolean(f))
        .map((f) => `<span>${ph(f)}</span>`)
        .join('<span class="sep">｜</span>')}</p><hr>
<div class="summary text">${bullets(slide.points)}</div>`
    }
    case 'section':
      return (
        header(slide.caseTitle, slideHeading(slide.heading, slide.part)) +
        bodyHtml(slide.blocks, 'points')
      )
    case 'text':
      return (
        header(undefined, slideHeading(slide.title, slide.part)) + bodyHtml(slide.blocks, 'text')
      )
    case 'closing':
      return (
        header(undefined, slide.title) +
        bodyHtml(slide.blocks, 'points') +
        (slide.byline ? `<p class="closing-byline">${ph(slide.byline)}</p>` : '')
      )
    case 'table': {
      const cols = tableColumnFractions(slide.columns.length, firstColumn(slide))
      return `${header(slide.caseTitle, slideHeading(slide.heading, slide.part))}<div class="body"><table>
<colgroup>${cols.map((f) => `<col style="width:${(f * 100).toFixed(2)}%">`).join('')}</colgroup>
<thead><tr>${slide.columns.map((c) => `<th>${ph(c)}</th>`).join('')}</tr></thead>
<tbody>${slide.rows.map((row) => `<tr>${row.map((c) => `<td>${ph(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
    }
    case 'collaboration':
      return `${header(slide.caseTitle, slide.heading)}<div class="body"><table class="scores"><tbody>${slide.rows
        .map(
          (r) =>
            `<tr><th scope="row">${ph(r.label)}</th><td><span class="dots">${'●'.repeat(r.score)}${'○'.repeat(5 - r.score)}</span> ${r.score} / 5</td></tr>`,
        )
        .join('')}</tbody></table><div class="text">${bodyInner(slide.blocks)}</div></div>`
    case 'outcomes':
      return `${header(slide.caseTitle, slideHeading(slide.heading, slide.part))}<div class="body figures n${Math.min(slide.figures.length, 3)}">${slide.figures
        .map(
          (f) =>
            `<div class="figure"><p class="value"><b>${esc(f.value)}</b> ${esc(f.unit)}</p><p class="label">${ph(f.label)}</p></div>`,
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
      return `${header(undefined, '事例が見つかりません')}<div class="body"><p class="missing">${ph(slide.message)}</p><p class="muted">事例ID: ${esc(slide.caseId)}</p></div>`
  }
}

function band(): string {
  return '<div class="band"></div>'
}

function header(caseTitle: string | undefined, heading: string): string {
  return `${band()}${caseTitle ? `<p class="case-line">${esc(caseTitle)}</p>` : ''}<h2>${ph(heading)}</h2>`
}

function bullets(points: string[]): string {
  return points.map((p) => `<p class="li l0">${ph(p)}</p>`).join('')
}

function bodyInner(blocks: TextBlock[]): string {
  return blocks
    .map((b) => {
      const runs = b.runs.map((r) => (r.bold ? `<b>${ph(r.text)}</b>` : ph(r.text))).join('')
      if (b.type === 'heading') return `<p class="h">${runs}</p>`
      if (b.type === 'bullet') return `<p class="li l${Math.min(b.level ?? 0, 3)}">${runs}</p>`
      return `<p>${runs}</p>`
    })
    .join('')
}

function bodyHtml(blocks: TextBlock[], kind: 'points' | 'text'): string {
  return `<div class="body text ${kind}">${bodyInner(blocks)}</div>`
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

/**
 * Escaped text with a break opportunity (`<wbr>`) between BudouX phrases only; the slide's CSS
 * (`word-break: keep-all`) forbids breaks anywhere else, so no word is split across lines.
 */
export function ph(text: string): string {
  return phrasesOf(text).map(esc).join('<wbr>')
}

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
