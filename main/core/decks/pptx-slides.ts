import { slideHeading, type Slide } from '../../../common/decks/slide-types'
import {
  BODY_W,
  FONT,
  MARGIN,
  band,
  bodyBox,
  charsPerLine,
  fittingSize,
  header,
  phraseRuns,
  type PptSlide,
  type TextProps,
} from './pptx-frame'
import { BODY_FONT_PT, POINT_FONT_PT, SLIDE_W, textWidth } from './slide-layout'
import { THEME } from './slide-theme'

type Of<K extends Slide['kind']> = Extract<Slide, { kind: K }>

/** The cover: title, subtitle, author and date on navy. */
export function drawCover(s: PptSlide, slide: Of<'title'>): void {
  s.background = { color: THEME.navy }
  const size = fittingSize(slide.title, BODY_W, 2, [40, 36, 32, 28])
  s.addText(
    phraseRuns(slide.title, charsPerLine(BODY_W, size), {
      ...FONT,
      fontSize: size,
      bold: true,
      color: 'FFFFFF',
    }),
    {
      x: MARGIN,
      y: 1.6,
      w: BODY_W,
      h: 2.1,
      align: 'center',
      valign: 'middle',
      objectName: 'Title',
    },
  )
  if (slide.subtitle)
    s.addText(
      phraseRuns(slide.subtitle, charsPerLine(BODY_W, 24), {
        ...FONT,
        fontSize: 24,
        color: 'DDE6F0',
      }),
      { x: MARGIN, y: 3.8, w: BODY_W, h: 1.1, align: 'center', valign: 'top' },
    )
  if (slide.author || slide.date)
    s.addText([slide.author, slide.date].filter(Boolean).join('　'), {
      ...FONT,
      x: MARGIN,
      y: 5.4,
      w: BODY_W,
      h: 0.6,
      fontSize: 20,
      color: 'DDE6F0',
      align: 'center',
    })
}

/** The agenda: the cases in order, each with its partner types and 年度. */
export function drawAgenda(s: PptSlide, slide: Of<'agenda'>): void {
  header(s, undefined, slideHeading(slide.title, slide.part))
  const runs: TextProps[] = []
  for (const entry of slide.entries) {
    const title = `${entry.number}. ${entry.title}`
    runs.push(
      ...phraseRuns(
        title,
        charsPerLine(BODY_W, 22),
        { ...FONT, fontSize: 22, bold: true, color: THEME.navy },
        { paraSpaceBefore: 8 },
      ),
      ...phraseRuns(
        [entry.partners, entry.yearLabel].filter(Boolean).join('　'),
        charsPerLine(BODY_W - 0.4, 20),
        { ...FONT, fontSize: 20, color: THEME.muted },
        { indentLevel: 1 },
      ),
    )
  }
  s.addText(runs, { x: MARGIN, y: 1.55, w: BODY_W, h: 5.4, valign: 'top', objectName: 'Body' })
}

/** A case's divider: title, partner types, 年度 and the other facts, the summary as points. */
export function drawDivider(s: PptSlide, slide: Of<'case-overview'>): void {
  band(s)
  const size = fittingSize(slide.caseTitle, BODY_W, 2, [32, 28, 24])
  s.addText(
    phraseRuns(slide.caseTitle, charsPerLine(BODY_W, size), {
      ...FONT,
      fontSize: size,
      bold: true,
      color: THEME.navy,
    }),
    { x: MARGIN, y: 0.4, w: BODY_W, h: 1.45, valign: 'middle', objectName: 'Title' },
  )
  let x = MARGIN
  for (const chip of slide.chips) {
    const w = Math.min(4.5, textWidth(chip.label) * 0.24 + 0.5)
    s.addText(chip.label, {
      ...FONT,
      shape: 'roundRect',
      rectRadius: 0.15,
      x,
      y: 2.0,
      w,
      h: 0.46,
      fontSize: 16,
      bold: true,
      color: 'FFFFFF',
      fill: { color: chip.color.replace('#', '') },
      align: 'center',
      valign: 'middle',
      margin: 0,
    })
    x += w + 0.15
  }
  // The facts wrap between whole facts, never inside one.
  const SEP = '\u3000｜\u3000'
  const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')]
  const perLine = charsPerLine(BODY_W, 20)
  const lines: string[] = []
  for (const fact of facts.filter((f): f is string => Boolean(f))) {
    const last = lines[lines.length - 1]
    if (last !== undefined && textWidth(`${last}${SEP}${fact}`) <= perLine)
      lines[lines.length - 1] = `${last}${SEP}${fact}`
    else lines.push(fact)
  }
  if (lines.length > 0)
    s.addText(
      // one paragraph per line: the lines end between facts, not inside a phrase
      lines.map((text, i) => ({
        text,
        options: {
          ...FONT,
          fontSize: 20,
          color: THEME.muted,
          ...(i < lines.length - 1 && { breakLine: true }),
        },
      })),
      { x: MARGIN, y: 2.6, w: BODY_W, h: 0.8, valign: 'top' },
    )
  s.addShape('line', { x: MARGIN, y: 3.5, w: BODY_W, h: 0, line: { color: THEME.rule, width: 1 } })
  bodyBox(
    s,
    slide.points.map((text) => ({ type: 'bullet', runs: [{ text }], level: 0 })),
    POINT_FONT_PT,
    { x: MARGIN, y: 3.65, w: BODY_W, h: 3.3 },
  )
}

/** A case section as points (24 pt), or a free text slide (20 pt). */
export function drawPoints(s: PptSlide, slide: Of<'section'> | Of<'text'>): void {
  if (slide.kind === 'section') {
    header(s, slide.caseTitle, slideHeading(slide.heading, slide.part))
    bodyBox(s, slide.blocks, POINT_FONT_PT)
  } else {
    header(s, undefined, slideHeading(slide.title, slide.part))
    bodyBox(s, slide.blocks, BODY_FONT_PT)
  }
}

/** The closing slide: one tip from each case, and who to ask. */
export function drawClosing(s: PptSlide, slide: Of<'closing'>): void {
  header(s, undefined, slide.title)
  bodyBox(s, slide.blocks, POINT_FONT_PT, { x: MARGIN, y: 1.5, w: BODY_W, h: 4.9 })
  if (slide.byline)
    s.addText(slide.byline, {
      ...FONT,
      x: MARGIN,
      y: 6.45,
      w: SLIDE_W - 2 * MARGIN - 1,
      h: 0.45,
      fontSize: 16,
      color: THEME.muted,
    })
}

export function drawMissing(s: PptSlide, slide: Of<'missing'>): void {
  header(s, undefined, '事例が見つかりません')
  s.addText(
    [
      ...phraseRuns(slide.message, charsPerLine(BODY_W, 24), {
        ...FONT,
        fontSize: 24,
        bold: true,
        color: THEME.warn,
      }),
      { text: `事例ID: ${slide.caseId}`, options: { ...FONT, fontSize: 20, color: THEME.muted } },
    ],
    { x: MARGIN, y: 1.5, w: BODY_W, h: 2, valign: 'top', objectName: 'Body' },
  )
}
