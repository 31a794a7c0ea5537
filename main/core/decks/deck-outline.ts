import { readFile } from 'node:fs/promises'
import type { CaseDoc, PartnerType } from '../../../common/model'
import { fiscalYearOf, warekiOfFiscalYear } from '../../../common/fiscal-year'
import { KbError } from '../errors'
import type { Library } from '../library'
import type { Deck, DeckCaseItem, DeckSection } from '../../../common/decks/deck-schema'
import { imageSize, photoMimeType } from './image-size'
import { OUTCOMES_PER_SLIDE, PHOTOS_PER_SLIDE } from './slide-layout'
import { blocksToText, bodySections, paginateBlocks, parseMarkdown } from './slide-text'
import { paginateTable } from './slide-table'
import {
  MISSING_CASE_MESSAGE,
  SECTION_LABELS,
  type DeckOutline,
  type PartnerChip,
  type Slide,
  type SlidePhoto,
} from '../../../common/decks/slide-types'

const INITIATORS = { city: '行政発', partner: '団体発', joint: '共同' } as const

/**
 * Resolves a deck against the library into its slides, in order: a title slide; per case an
 * overview slide and one or more slides per chosen section; the free text slides. A case that
 * cannot be read becomes a `missing` slide and a `missing` entry; the rest of the deck still
 * builds. Sections with nothing to show (an empty heading, no outcomes, no photos) add no slide.
 */
export async function buildDeckOutline(library: Library, deck: Deck): Promise<DeckOutline> {
  const slides: Slide[] = []
  const missing: DeckOutline['missing'] = []
  const caseTitles: string[] = []
  for (const [index, item] of deck.items.entries()) {
    if (item.kind === 'text') {
      const { blocks, table } = parseMarkdown(item.body)
      const all = table
        ? [
            ...blocks,
            ...table.rows.map((row) => ({
              type: 'bullet' as const,
              runs: [{ text: row.join('：') }],
            })),
          ]
        : blocks
      const pages = all.length > 0 ? paginateBlocks(all) : [[]]
      pages.forEach((page, i) =>
        slides.push({
          kind: 'text',
          itemIndex: index,
          title: item.title,
          blocks: page,
          part: i + 1,
          parts: pages.length,
        }),
      )
      continue
    }
    const doc = await readCase(library, item.caseId)
    if (typeof doc === 'string') {
      missing.push({ index, caseId: item.caseId })
      slides.push({ kind: 'missing', itemIndex: index, caseId: item.caseId, message: doc })
      continue
    }
    caseTitles.push(doc.meta.title)
    slides.push(...(await caseSlides(library, index, item, doc)))
  }
  const title: Slide = {
    kind: 'title',
    title: deck.title,
    ...(deck.subtitle && { subtitle: deck.subtitle }),
    ...(deck.author && { author: deck.author }),
    ...(deck.date && { date: deck.date }),
    ...(caseTitles.length > 0 && {
      notes: `取り上げる事例（${caseTitles.length}件）:\n${caseTitles.map((t, i) => `${i + 1}. ${t}`).join('\n')}`,
    }),
  }
  return {
    title: deck.title,
    ...(deck.subtitle && { subtitle: deck.subtitle }),
    ...(deck.author && { author: deck.author }),
    ...(deck.date && { date: deck.date }),
    slides: [title, ...slides],
    missing,
  }
}

/** The case, or the message of the slide that stands in for it. */
async function readCase(library: Library, caseId: string): Promise<CaseDoc | string> {
  try {
    return await library.cases.get(caseId)
  } catch (error) {
    if (!(error instanceof KbError)) throw error
    if (error.code === 'damaged')
      return 'この事例のファイルが読めません（破損している可能性があります）'
    return MISSING_CASE_MESSAGE
  }
}

async function caseSlides(
  library: Library,
  itemIndex: number,
  item: DeckCaseItem,
  doc: CaseDoc,
): Promise<Slide[]> {
  const { meta } = doc
  const ref = { itemIndex, caseId: meta.id, caseTitle: meta.title }
  const sections = bodySections(doc.body)
  const source = sourceLine(doc)
  const slides: Slide[] = []
  const fiscalYear = meta.fiscalYear ?? fiscalYearOf(meta.period?.start)
  slides.push({
    kind: 'case-overview',
    ...ref,
    chips: meta.partnerTypes.map((key) => chipOf(key, library.config.partnerTypes)),
    ...(fiscalYear !== undefined && {
      yearLabel: `${fiscalYear}年度（${warekiOfFiscalYear(fiscalYear)}）`,
    }),
    ...(meta.department && { department: meta.department }),
    ...(meta.area && { area: meta.area }),
    ...(meta.forms?.length && { forms: [...meta.forms] }),
    ...(item.sections.includes('summary') && meta.summary && { summary: meta.summary }),
    notes: overviewNotes(doc, item.sections, sections, library.config.partnerTypes),
  })
  for (const section of item.sections) {
    if (section === 'summary') continue
    if (section === 'outcomes') {
      const figures = (meta.outcomes ?? []).map((o) => ({
        label: o.label,
        value: o.value.toLocaleString('ja-JP'),
        unit: o.unit,
      }))
      const pages = chunk(figures, OUTCOMES_PER_SLIDE)
      pages.forEach((page, i) =>
        slides.push({
          kind: 'outcomes',
          ...ref,
          heading: SECTION_LABELS.outcomes,
          figures: page,
          part: i + 1,
          parts: pages.length,
          notes: [meta.evaluation?.note, source].filter(Boolean).join('\n'),
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
    const { blocks, table } = parseMarkdown(sections.get(section) ?? '')
    const tableData =
      table ??
      (section === '役割分担' && blocks.length === 0 && meta.partners?.length
        ? { columns: ['主体', '役割'], rows: meta.partners.map((p) => [p.name, p.role]) }
        : undefined)
    if (section === '役割分担' && tableData) {
      const { pages, cut } = paginateTable(tableData)
      const extra = [
        blocks.length ? blocksToText(blocks) : '',
        cut.length ? `表の全文:\n${cut.join('\n')}` : '',
        source,
      ]
      pages.forEach((rows, i) =>
        slides.push({
          kind: 'table',
          ...ref,
          heading: section,
          columns: tableData.columns,
          rows,
          part: i + 1,
          parts: pages.length,
          notes: extra.filter(Boolean).join('\n\n'),
        }),
      )
      continue
    }
    const all = table
      ? [
          ...blocks,
          ...table.rows.map((row) => ({
            type: 'bullet' as const,
            runs: [{ text: row.join('：') }],
          })),
        ]
      : blocks
    const pages = paginateBlocks(all)
    pages.forEach((page, i) =>
      slides.push({
        kind: 'section',
        ...ref,
        heading: section,
        blocks: page,
        part: i + 1,
        parts: pages.length,
        notes: source,
      }),
    )
  }
  return slides
}

function chipOf(key: string, types: readonly PartnerType[]): PartnerChip {
  const type = types.find((t) => t.key === key)
  return { key, label: type?.ja ?? key, color: type?.color ?? '#5b6573' }
}

function sourceLine(doc: CaseDoc): string {
  const lines = [`出典: 事例「${doc.meta.title}」（事例ID: ${doc.meta.id}）`]
  for (const s of doc.meta.sources ?? []) lines.push(`資料: ${s.title} ${s.url}`)
  return lines.join('\n')
}

/** The overview's notes: what the slides do not show, and where the case comes from. */
function overviewNotes(
  doc: CaseDoc,
  chosen: readonly DeckSection[],
  sections: Map<string, string>,
  types: readonly PartnerType[],
): string {
  const { meta } = doc
  const lines: string[] = [sourceLine(doc)]
  if (!chosen.includes('summary') && meta.summary) lines.push(`概要: ${meta.summary}`)
  if (meta.partners?.length) {
    lines.push('連携先:')
    for (const p of meta.partners)
      lines.push(`・${p.name}（${chipOf(p.type, types).label}）: ${p.role}`)
  }
  if (meta.initiatedBy) lines.push(`発意: ${INITIATORS[meta.initiatedBy]}`)
  if (meta.period?.start) lines.push(`期間: ${meta.period.start}〜${meta.period.end ?? '継続中'}`)
  if (meta.evaluation) {
    const e = meta.evaluation
    const scores = [e.city && `市 ${e.city}/5`, e.partner && `団体 ${e.partner}/5`].filter(Boolean)
    lines.push(`評価: ${[scores.join('、'), e.note].filter(Boolean).join(' — ')}`)
  }
  if (meta.contact && (meta.contact.section || meta.contact.name))
    lines.push(`問い合わせ: ${[meta.contact.section, meta.contact.name].filter(Boolean).join(' ')}`)
  if (meta.lastVerified) lines.push(`最終確認: ${meta.lastVerified}`)
  const rest = [...sections].filter(
    ([heading, text]) => text && !chosen.includes(heading as DeckSection),
  )
  if (rest.length > 0) {
    lines.push('', '── スライドにない項目 ──')
    for (const [heading, text] of rest)
      lines.push(`【${heading}】`, blocksToText(parseMarkdown(text).blocks))
  }
  return lines.join('\n')
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
