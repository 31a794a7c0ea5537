import { readFile } from 'node:fs/promises'
import type { CaseDoc } from '../../../common/model'
import { fiscalYearOf, warekiOfFiscalYear } from '../../../common/fiscal-year'
import type { Library } from '../library'
import { COLLABORATION_ELEMENTS, collaborationOf } from '../../../common/decks/collaboration'
import { continues, sectionsOf } from '../../../common/decks/deck-presets'
import type { Deck, DeckCaseItem, DeckSection } from '../../../common/decks/deck-schema'
import {
  SECTION_LABELS,
  sectionHeading,
  type Slide,
  type SlidePhoto,
  type SectionText,
} from '../../../common/decks/slide-types'
import {
  collaborationNotes,
  overviewNotes,
  partnerLabel,
  sectionFullText,
  sourceLine,
  type NotesOptions,
} from './case-notes'
import { imageSize, photoMimeType } from './image-size'
import { OUTCOMES_PER_SLIDE, PHOTOS_PER_SLIDE } from './slide-layout'
import {
  pagesOfPoints,
  pointBlocks,
  pointsOfList,
  pointsToMarkdown,
  sectionPoints,
  toPoint,
} from './slide-points'
import { paginateTable } from './slide-table'
import { bodySections, parseMarkdown, sentencesOf } from './slide-text'

export interface CaseSlides {
  slides: Slide[]
  texts: SectionText[]
  yearLabel?: string
  /** The case's first tip, for the closing slide. */
  takeaway?: string
}

const SUMMARY_POINTS = 3

/**
 * The slides of one case: its divider (title, partner types, 年度, the summary as points), then
 * one slide per chosen section: points, or the trainer's override, with the section's whole
 * text in the notes. Sections with nothing to show add no slide.
 */
export async function caseSlides(
  library: Library,
  deck: Pick<Deck, 'preset'>,
  itemIndex: number,
  item: DeckCaseItem,
  doc: CaseDoc,
  options: NotesOptions,
): Promise<CaseSlides> {
  const { meta } = doc
  const types = library.config.partnerTypes
  const ref = { itemIndex, caseId: meta.id, caseTitle: meta.title }
  const chosen = sectionsOf(deck, item)
  const more = continues(deck, item)
  const body = bodySections(doc.body)
  const source = sourceLine(doc)
  const texts: SectionText[] = []
  const override = (section: DeckSection) => item.overrides?.[section]
  const textOf = (section: DeckSection, generated: string[]) => {
    const own = override(section)
    const base = item.overrideRevisions?.[section]
    texts.push({
      itemIndex,
      caseId: meta.id,
      section,
      generated: pointsToMarkdown(generated),
      ...(own !== undefined && { override: own }),
      ...(own !== undefined && base !== undefined && meta.revision > base && { stale: true }),
    })
  }

  const fiscalYear = meta.fiscalYear ?? fiscalYearOf(meta.period?.start)
  const yearLabel =
    fiscalYear === undefined ? undefined : `${fiscalYear}年度（${warekiOfFiscalYear(fiscalYear)}）`
  let summaryPoints: string[] = []
  if (chosen.includes('summary')) {
    const generated = sentencesOf(meta.summary ?? '')
      .map(toPoint)
      .filter(Boolean)
      .slice(0, SUMMARY_POINTS)
    textOf('summary', generated)
    const own = override('summary')
    summaryPoints = own !== undefined ? pointsOfList(own).slice(0, SUMMARY_POINTS) : generated
  }
  const slides: Slide[] = [
    {
      kind: 'case-overview',
      ...ref,
      chips: meta.partnerTypes.map((key) => ({
        key,
        label: partnerLabel(key, types),
        color: types.find((t) => t.key === key)?.color ?? '#5b6573',
      })),
      ...(yearLabel && { yearLabel }),
      ...(meta.department && { department: meta.department }),
      ...(meta.area && { area: meta.area }),
      ...(meta.forms?.length && { forms: [...meta.forms] }),
      points: summaryPoints,
      ...(override('summary') !== undefined && { overridden: true }),
      notes: overviewNotes(doc, types, options),
    },
  ]
  let takeaway: string | undefined

  for (const section of chosen) {
    if (section === 'summary') continue
    if (section === 'outcomes') {
      const figures = (meta.outcomes ?? []).map((o) => ({
        label: o.label,
        value: o.value.toLocaleString('ja-JP'),
        unit: o.unit,
      }))
      const pages = chunk(figures, OUTCOMES_PER_SLIDE)
      const all = figures.map((f) => `${f.label}: ${f.value} ${f.unit}`)
      pages.forEach((page, i) =>
        slides.push({
          kind: 'outcomes',
          ...ref,
          heading: SECTION_LABELS.outcomes,
          figures: page,
          part: i + 1,
          parts: pages.length,
          notes: [...all, meta.evaluation?.note, source].filter(Boolean).join('\n'),
        }),
      )
      continue
    }
    if (section === 'photos') {
      const photos = await photosOf(library, meta.id)
      const pages = chunk(photos, PHOTOS_PER_SLIDE)
      pages.forEach((page, i) =>
        slides.push({
          kind: 'photos',
          ...ref,
          heading: SECTION_LABELS.photos,
          photos: page,
          part: i + 1,
          parts: pages.length,
          notes: `写真: ${page.map((p) => p.name).join('、')}\n${source}`,
        }),
      )
      continue
    }
    if (section === 'collaboration') {
      const scores = collaborationOf(meta)
      if (!scores) continue
      const generated = COLLABORATION_ELEMENTS.flatMap(({ key, label }) => {
        const note = scores.elements[key]?.note
        return note ? [toPoint(`${label}：${note}`)] : []
      })
      if (scores.note) generated.push(toPoint(scores.note))
      textOf(section, generated.slice(0, 5))
      const own = override(section)
      slides.push({
        kind: 'collaboration',
        ...ref,
        section,
        heading: SECTION_LABELS.collaboration,
        rows: COLLABORATION_ELEMENTS.flatMap(({ key, label }) => {
          const entry = scores.elements[key]
          return entry ? [{ label, score: entry.score }] : []
        }),
        blocks: pointBlocks(
          own !== undefined ? pointsOfList(own).slice(0, 3) : generated.slice(0, 3),
        ),
        ...(own !== undefined && { overridden: true }),
        part: 1,
        parts: 1,
        notes: [collaborationNotes(scores), source].join('\n\n'),
      })
      continue
    }

    const markdown = body.get(section) ?? ''
    const { blocks, table } = parseMarkdown(markdown)
    const partnerTable =
      section === '役割分担' && !table && blocks.length === 0 && meta.partners?.length
        ? { columns: ['主体', '役割'], rows: meta.partners.map((p) => [p.name, p.role]) }
        : undefined
    const tableData = section === '役割分担' ? (table ?? partnerTable) : undefined
    const full = markdown ? sectionFullText(markdown) : ''
    const notes = [
      full && `【${section}】\n${full}`,
      partnerTable && partnerTable.rows.map((r) => `・${r.join('：')}`).join('\n'),
      source,
    ]
      .filter(Boolean)
      .join('\n\n')
    const generated = tableData
      ? tableData.rows.map((row) => toPoint(row.filter(Boolean).join('：')))
      : sectionPoints(markdown, more)
    if (generated.length === 0 && override(section) === undefined) continue
    textOf(section, generated)
    const own = override(section)
    if (section === '協働のコツ') takeaway = (own !== undefined ? pointsOfList(own) : generated)[0]

    if (tableData && own === undefined) {
      const pages = paginateTable(tableData).slice(0, more ? undefined : 1)
      pages.forEach((rows, i) =>
        slides.push({
          kind: 'table',
          ...ref,
          section,
          heading: section,
          columns: tableData.columns,
          rows,
          part: i + 1,
          parts: pages.length,
          notes: i === 0 ? notes : source,
        }),
      )
      continue
    }
    const points = own !== undefined ? pointsOfList(own) : generated
    // The trainer's own list continues on a second slide when it is longer than five points.
    const pages = pagesOfPoints(points).slice(0, more || own !== undefined ? undefined : 1)
    pages.forEach((page, i) =>
      slides.push({
        kind: 'section',
        ...ref,
        section,
        heading: sectionHeading(section),
        blocks: pointBlocks(page),
        ...(own !== undefined && { overridden: true }),
        part: i + 1,
        parts: pages.length,
        notes: i === 0 ? notes : source,
      }),
    )
  }
  // The closing slide takes one tip from every case, shown or not.
  takeaway ??= sectionPoints(body.get('協働のコツ') ?? '')[0]
  return { slides, texts, ...(yearLabel && { yearLabel }), ...(takeaway && { takeaway }) }
}

async function photosOf(library: Library, caseId: string): Promise<SlidePhoto[]> {
  const photos: SlidePhoto[] = []
  for (const attachment of await library.attachments.list(caseId)) {
    if (!photoMimeType(attachment.name)) continue
    const data = await readFile(await library.attachments.pathOf(caseId, attachment.name))
    photos.push({ caseId, name: attachment.name, ...imageSize(data) })
  }
  return photos
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
