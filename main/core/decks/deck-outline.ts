import type { CaseDoc } from '../../../common/model'
import { KbError } from '../errors'
import type { Library } from '../library'
import type { Deck, DeckTextItem } from '../../../common/decks/deck-schema'
import {
  MISSING_CASE_MESSAGE,
  type AgendaEntry,
  type DeckOutline,
  type SectionText,
  type Slide,
} from '../../../common/decks/slide-types'
import { caseSlides } from './case-slides'
import type { NotesOptions } from './case-notes'
import { POINTS_PER_SLIDE } from './slide-layout'
import { pagesOfPoints, pointBlocks, toPoint } from './slide-points'
import { paginateBlocks, parseMarkdown } from './slide-text'

export type OutlineOptions = NotesOptions

const AGENDA_TITLE = '本日の事例'
const CLOSING_TITLE = 'まとめ：明日から使える協働のコツ'
const CLOSING_TITLE_PLAIN = 'まとめ'

/**
 * Resolves a deck against the library into the slides of a training session, in order: the
 * cover; the agenda (the cases, generated); per item either a case (its divider and section
 * slides) or the trainer's free text slide, where the trainer put it; and a closing slide with
 * one tip from each case. A case that cannot be read becomes a `missing` slide and a `missing`
 * entry; the rest of the deck still builds.
 */
export async function buildDeckOutline(
  library: Library,
  deck: Deck,
  options: OutlineOptions = {},
): Promise<DeckOutline> {
  const body: Slide[] = []
  const missing: DeckOutline['missing'] = []
  const texts: SectionText[] = []
  const agenda: AgendaEntry[] = []
  const takeaways: { title: string; tip?: string }[] = []
  for (const [index, item] of deck.items.entries()) {
    if (item.kind === 'text') {
      body.push(...textSlides(index, item))
      continue
    }
    const doc = await readCase(library, item.caseId)
    if (typeof doc === 'string') {
      missing.push({ index, caseId: item.caseId })
      body.push({ kind: 'missing', itemIndex: index, caseId: item.caseId, message: doc })
      continue
    }
    const built = await caseSlides(library, deck, index, item, doc, options)
    body.push(...built.slides)
    texts.push(...built.texts)
    const first = built.slides[0]
    agenda.push({
      number: agenda.length + 1,
      title: doc.meta.title,
      partners: first?.kind === 'case-overview' ? first.chips.map((c) => c.label).join('、') : '',
      ...(built.yearLabel && { yearLabel: built.yearLabel }),
    })
    takeaways.push({ title: doc.meta.title, ...(built.takeaway && { tip: built.takeaway }) })
  }
  const cover: Slide = {
    kind: 'title',
    title: deck.title,
    ...(deck.subtitle && { subtitle: deck.subtitle }),
    ...(deck.author && { author: deck.author }),
    ...(deck.date && { date: deck.date }),
    notes: [deck.title, deck.subtitle, [deck.author, deck.date].filter(Boolean).join('　')]
      .filter(Boolean)
      .join('\n'),
  }
  const slides = [cover, ...agendaSlides(agenda), ...body]
  if (agenda.length > 0) slides.push(closingSlide(deck, takeaways))
  return {
    title: deck.title,
    ...(deck.subtitle && { subtitle: deck.subtitle }),
    ...(deck.author && { author: deck.author }),
    ...(deck.date && { date: deck.date }),
    slides,
    missing,
    texts,
  }
}

function agendaSlides(entries: AgendaEntry[]): Slide[] {
  const pages: AgendaEntry[][] = []
  for (let i = 0; i < entries.length; i += POINTS_PER_SLIDE)
    pages.push(entries.slice(i, i + POINTS_PER_SLIDE))
  return pages.map((page, i) => ({
    kind: 'agenda',
    title: AGENDA_TITLE,
    entries: page,
    part: i + 1,
    parts: pages.length,
    notes: page
      .map(
        (e) => `${e.number}. ${e.title}（${[e.partners, e.yearLabel].filter(Boolean).join('、')}）`,
      )
      .join('\n'),
  }))
}

/** One point per case (its first 協働のコツ), at most five; every case is named in the notes. */
function closingSlide(deck: Deck, takeaways: { title: string; tip?: string }[]): Slide {
  const tips = takeaways.flatMap((t) => (t.tip ? [t.tip] : []))
  const points = (tips.length > 0 ? tips : takeaways.map((t) => toPoint(t.title))).slice(
    0,
    POINTS_PER_SLIDE,
  )
  const byline = [deck.author, deck.date].filter(Boolean).join('　')
  return {
    kind: 'closing',
    title: tips.length > 0 ? CLOSING_TITLE : CLOSING_TITLE_PLAIN,
    blocks: pointBlocks(pagesOfPoints(points)[0] ?? []),
    ...(byline && { byline }),
    notes: takeaways.map((t) => `・${t.title}${t.tip ? `: ${t.tip}` : ''}`).join('\n'),
  }
}

function textSlides(index: number, item: DeckTextItem): Slide[] {
  const { blocks, table } = parseMarkdown(item.body)
  const all = table
    ? [
        ...blocks,
        ...table.rows.map((row) => ({ type: 'bullet' as const, runs: [{ text: row.join('：') }] })),
      ]
    : blocks
  const pages = all.length > 0 ? paginateBlocks(all) : [[]]
  return pages.map((page, i) => ({
    kind: 'text',
    itemIndex: index,
    title: item.title,
    blocks: page,
    part: i + 1,
    parts: pages.length,
  }))
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
