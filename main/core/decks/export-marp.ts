import { BODY_FONT_PT, POINT_FONT_PT } from './slide-layout'
import { CSS_FONT_STACK, THEME } from './slide-theme'
import {
  slideHeading,
  type DeckOutline,
  type Slide,
  type SlidePhoto,
  type TextBlock,
} from '../../../common/decks/slide-types'

export interface MarpOptions {
  /**
   * The URL a photo is linked by. Default: its path inside the library
   * (`cases/<id>/attachments/<name>`), right for a .md saved in the library folder; the CLI
   * passes a path relative to where it writes the file.
   */
  photoUrl?: (photo: SlidePhoto) => string
}

/**
 * The deck as Marp Markdown: one Marp slide per outline slide (separated by `---`), notes as
 * presenter-note comments. All text is escaped, so nothing from a case can start a new slide,
 * inject HTML or turn into a directive.
 */
export function exportMarp(outline: DeckOutline, options: MarpOptions = {}): string {
  const photoUrl =
    options.photoUrl ??
    ((p: SlidePhoto) =>
      `cases/${encodeURIComponent(p.caseId)}/attachments/${encodeURIComponent(p.name)}`)
  const front = [
    '---',
    'marp: true',
    'size: 16:9',
    'paginate: true',
    `title: ${JSON.stringify(outline.title)}`,
    'style: |',
    ...STYLE.trim()
      .split('\n')
      .map((line) => `  ${line}`),
    '---',
    '',
  ].join('\n')
  const slides = outline.slides.map((slide) => {
    const parts = [slideMarkdown(slide, photoUrl)]
    if (slide.notes) parts.push(`<!--\n${noteText(slide.notes)}\n-->`)
    return parts.join('\n\n')
  })
  return `${front}${slides.join('\n\n---\n\n')}\n`
}

// 1280 px wide slides: 20 pt on a 13.333 in slide is 27 px here, so the outline's split fits.
// `word-break: auto-phrase` is Chromium's own BudouX: Marp renders in Chromium, and Japanese
// lines then break between phrases, as in the PowerPoint and the handout, with no markup.
const px = (points: number) => Math.round((points / (13.333 * 72)) * 1280)
const STYLE = `
section { font-family: ${CSS_FONT_STACK}; font-size: ${px(BODY_FONT_PT)}px; color: #${THEME.text}; padding: 70px 58px 40px; display: flex; flex-direction: column; justify-content: flex-start !important; line-height: 1.35; border-top: 17px solid #${THEME.navy}; word-break: auto-phrase; }
section.points li { font-size: ${px(POINT_FONT_PT)}px; }
section h1, section h2 { color: #${THEME.navy}; margin: 0 0 12px; }
section h2 { font-size: ${px(28)}px; border-bottom: 3px solid #${THEME.accent}; padding-bottom: 4px; }
section p, section li { margin: 0 0 ${px(6)}px; }
section header { font-size: ${px(12)}px; color: #${THEME.muted}; top: 22px; left: 58px; }
section.title { background: #${THEME.navy}; color: #fff; justify-content: center !important; text-align: center; border: 0; }
section.title h1 { color: #fff; font-size: ${px(40)}px; }
section.overview h1 { font-size: ${px(30)}px; }
section.overview strong { color: #${THEME.muted}; font-weight: normal; }
section table { font-size: ${px(16)}px; width: 100%; border-collapse: collapse; }
section th { background: #${THEME.navy}; color: #fff; }
section.outcomes ul { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
section.outcomes li { background: #${THEME.light}; border-radius: 8px; text-align: center; padding: 24px 8px; }
section.outcomes li strong { display: block; color: #${THEME.accent}; font-size: ${px(44)}px; }
section.photos p { display: flex; gap: 16px; justify-content: center; }
section.photos img { max-height: 440px; max-width: 45%; object-fit: contain; }
section.missing h2 { color: #${THEME.warn}; }
`

function slideMarkdown(slide: Slide, photoUrl: (p: SlidePhoto) => string): string {
  switch (slide.kind) {
    case 'title':
      return [
        '<!-- _class: title -->',
        '<!-- _paginate: false -->',
        `# ${esc(slide.title)}`,
        slide.subtitle && esc(slide.subtitle),
        (slide.author || slide.date) && esc([slide.author, slide.date].filter(Boolean).join('　')),
      ]
        .filter(Boolean)
        .join('\n\n')
    case 'agenda':
      return [
        '<!-- _class: agenda -->',
        `## ${esc(slideHeading(slide.title, slide.part))}`,
        slide.entries
          .map(
            (e) =>
              `${e.number}. **${esc(e.title)}**  \n${esc([e.partners, e.yearLabel].filter(Boolean).join('　'))}`,
          )
          .join('\n'),
      ].join('\n\n')
    case 'case-overview': {
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')].filter(
        Boolean,
      )
      return [
        '<!-- _class: overview points -->',
        `# ${esc(slide.caseTitle)}`,
        slide.chips.map((c) => `\`${c.label.replace(/`/g, "'")}\``).join(' '),
        facts.length > 0 && `**${esc(facts.join('　｜　'))}**`,
        slide.points.map((p) => `- ${esc(p)}`).join('\n'),
      ]
        .filter(Boolean)
        .join('\n\n')
    }
    case 'collaboration':
      return [
        '<!-- _class: points -->',
        caseLine(slide.caseTitle),
        `## ${esc(slide.heading)}`,
        [
          '| 要素 | 評価 |',
          '|---|---|',
          ...slide.rows.map(
            (r) =>
              `| ${esc(r.label)} | ${'●'.repeat(r.score)}${'○'.repeat(5 - r.score)} ${r.score}/5 |`,
          ),
        ].join('\n'),
        blocks(slide.blocks),
      ]
        .filter(Boolean)
        .join('\n\n')
    case 'closing':
      return [
        '<!-- _class: points -->',
        `## ${esc(slide.title)}`,
        blocks(slide.blocks),
        slide.byline && esc(slide.byline),
      ]
        .filter(Boolean)
        .join('\n\n')
    case 'section':
      return [
        '<!-- _class: points -->',
        caseLine(slide.caseTitle),
        `## ${esc(slideHeading(slide.heading, slide.part))}`,
        blocks(slide.blocks),
      ].join('\n\n')
    case 'text':
      return [`## ${esc(slideHeading(slide.title, slide.part))}`, blocks(slide.blocks)]
        .filter(Boolean)
        .join('\n\n')
    case 'table': {
      const row = (cells: string[]) =>
        `| ${cells.map((c) => esc(c).replace(/\n/g, ' ')).join(' | ')} |`
      return [
        caseLine(slide.caseTitle),
        `## ${esc(slideHeading(slide.heading, slide.part))}`,
        [
          row(slide.columns),
          `|${slide.columns.map(() => '---').join('|')}|`,
          ...slide.rows.map(row),
        ].join('\n'),
      ].join('\n\n')
    }
    case 'outcomes':
      return [
        '<!-- _class: outcomes -->',
        caseLine(slide.caseTitle),
        `## ${esc(slideHeading(slide.heading, slide.part))}`,
        slide.figures.map((f) => `- **${esc(f.value)} ${esc(f.unit)}** ${esc(f.label)}`).join('\n'),
      ].join('\n\n')
    case 'photos':
      return [
        '<!-- _class: photos -->',
        caseLine(slide.caseTitle),
        `## ${esc(slideHeading(slide.heading, slide.part))}`,
        slide.photos
          .map((p) => `![${esc(p.name)}](${photoUrl(p).replace(/[()\s]/g, encodeURIComponent)})`)
          .join(' '),
      ].join('\n\n')
    case 'missing':
      return [
        '<!-- _class: missing -->',
        '## 事例が見つかりません',
        esc(slide.message),
        `事例ID: \`${slide.caseId}\``,
      ].join('\n\n')
  }
}

/** The case title in the slide's header line (a Marp directive; the value is Markdown). */
function caseLine(title: string): string {
  return `<!-- _header: ${JSON.stringify(esc(title))} -->`
}

function blocks(list: TextBlock[]): string {
  const lines: string[] = []
  let previous: TextBlock['type'] | undefined
  for (const b of list) {
    const text = b.runs.map((r) => (r.bold ? `**${esc(r.text)}**` : esc(r.text))).join('')
    // A blank line between paragraphs; list items stay together so they form one list.
    if (lines.length > 0 && !(b.type === 'bullet' && previous === 'bullet')) lines.push('')
    if (b.type === 'bullet') lines.push(`${'  '.repeat(b.level ?? 0)}- ${text}`)
    else if (b.type === 'heading') lines.push(`**${b.runs.map((r) => esc(r.text)).join('')}**`)
    else lines.push(text)
    previous = b.type
  }
  return lines.join('\n')
}

/**
 * Markdown-escapes text: every ASCII punctuation that could start syntax (emphasis, links,
 * HTML, headings, lists, tables, math, a `---` slide break) gets a backslash.
 */
function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$:&]/g, (ch) => `\\${ch}`).replace(/\n/g, ' ')
}

/** Notes go inside an HTML comment: it must not close early or read as a directive. */
function noteText(notes: string): string {
  return notes
    .replace(/--/g, '－－')
    .split('\n')
    .map((line) => line.replace(/^(\s*[A-Za-z_$][\w-]*)\s*:/, '$1：'))
    .join('\n')
}
