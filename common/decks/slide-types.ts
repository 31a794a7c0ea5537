/**
 * The outline of a deck: plain, serialisable slide objects. Every export (PowerPoint, print
 * HTML, Marp) and the builder's live preview draw from these, so text is split into slides
 * once, here, against one layout budget.
 */
import type { DeckSection } from './deck-schema'

/** A run of inline text; bold survives from the Markdown because case bodies lean on it. */
export interface TextRun {
  text: string
  bold?: boolean
}

/** One paragraph of a text slide. `level` is the list depth for bullets (0 = top). */
export interface TextBlock {
  type: 'paragraph' | 'bullet' | 'heading'
  runs: TextRun[]
  level?: number
}

export interface PartnerChip {
  key: string
  label: string
  color: string
}

export interface OutcomeFigure {
  label: string
  /** Formatted for display (「1,200」). */
  value: string
  unit: string
}

export interface SlidePhoto {
  caseId: string
  name: string
  /** Pixel size read from the file header, for keeping the aspect ratio; absent if unknown. */
  width?: number
  height?: number
}

/** Where a case's slide came from: the deck item and the case. */
interface CaseRef {
  itemIndex: number
  caseId: string
  caseTitle: string
}

/** The section a case slide shows, and whether its text is the trainer's override. */
interface SectionRef {
  section: DeckSection
  overridden?: boolean
}

/** One of the four elements of 協働 with the case's score (1–5). */
export interface CollaborationRow {
  label: string
  score: number
}

/**
 * The slide text of one chosen section of a case, for the builder's editor: the generated
 * points (as a Markdown list), the override when there is one, and whether the case changed
 * after the override was written.
 */
export interface SectionText {
  itemIndex: number
  caseId: string
  section: DeckSection
  generated: string
  override?: string
  stale?: boolean
}

/** A slide that continues on further slides carries its part number (1-based) and the count. */
interface Parts {
  part: number
  parts: number
}

export type Slide = { notes?: string } & (
  | {
      kind: 'title'
      title: string
      subtitle?: string
      author?: string
      date?: string
    }
  /** The cases of the deck, in order (generated after the cover). */
  | ({ kind: 'agenda'; title: string; entries: AgendaEntry[] } & Parts)
  /** A case's divider: its title, partner types and 年度, and the summary as points. */
  | ({
      kind: 'case-overview'
      chips: PartnerChip[]
      /** 「2023年度（令和5年度）」 */
      yearLabel?: string
      department?: string
      area?: string
      forms?: string[]
      points: string[]
      overridden?: boolean
    } & CaseRef)
  | ({ kind: 'section'; heading: string; blocks: TextBlock[] } & CaseRef & SectionRef & Parts)
  | ({
      kind: 'table'
      heading: string
      columns: string[]
      rows: string[][]
    } & CaseRef &
      SectionRef &
      Parts)
  | ({ kind: 'outcomes'; heading: string; figures: OutcomeFigure[] } & CaseRef & Parts)
  | ({ kind: 'photos'; heading: string; photos: SlidePhoto[] } & CaseRef & Parts)
  | ({
      kind: 'collaboration'
      heading: string
      rows: CollaborationRow[]
      blocks: TextBlock[]
    } & CaseRef &
      SectionRef &
      Parts)
  | ({ kind: 'text'; itemIndex: number; title: string; blocks: TextBlock[] } & Parts)
  /** The last slide: one point to take home from each case. */
  | { kind: 'closing'; title: string; blocks: TextBlock[]; byline?: string }
  | { kind: 'missing'; itemIndex: number; caseId: string; message: string }
)

export interface AgendaEntry {
  number: number
  title: string
  partners: string
  yearLabel?: string
}

export type SlideKind = Slide['kind']

export interface DeckOutline {
  title: string
  subtitle?: string
  author?: string
  date?: string
  slides: Slide[]
  /** Deck items whose case no longer exists (each also has a `missing` slide). */
  missing: { index: number; caseId: string }[]
  /** The slide text of every chosen text section of every case, for the builder. */
  texts: SectionText[]
}

/** The heading a slide shows, with 「（続き）」 on continuation slides. */
export function slideHeading(heading: string, part: number): string {
  return part > 1 ? `${heading}（続き）` : heading
}

/** Labels of the sections that are not body headings. */
export const SECTION_LABELS = {
  summary: '概要',
  collaboration: '協働の4要素',
  outcomes: '成果（数値）',
  photos: '写真',
} as const

/** The heading a section's slide shows. */
export function sectionHeading(section: DeckSection): string {
  return section in SECTION_LABELS
    ? SECTION_LABELS[section as keyof typeof SECTION_LABELS]
    : section
}

export const MISSING_CASE_MESSAGE = 'この事例は見つかりません（削除された可能性があります）'
