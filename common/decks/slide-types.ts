/**
 * The outline of a deck: plain, serialisable slide objects. Every export (PowerPoint, print
 * HTML, Marp) and the builder's live preview draw from these, so text is split into slides
 * once, here, against one layout budget.
 */

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
  | ({
      kind: 'case-overview'
      chips: PartnerChip[]
      /** 「2023年度（令和5年度）」 */
      yearLabel?: string
      department?: string
      area?: string
      forms?: string[]
      summary?: string
    } & CaseRef)
  | ({ kind: 'section'; heading: string; blocks: TextBlock[] } & CaseRef & Parts)
  | ({
      kind: 'table'
      heading: string
      columns: string[]
      rows: string[][]
    } & CaseRef &
      Parts)
  | ({ kind: 'outcomes'; heading: string; figures: OutcomeFigure[] } & CaseRef & Parts)
  | ({ kind: 'photos'; heading: string; photos: SlidePhoto[] } & CaseRef & Parts)
  | ({ kind: 'text'; itemIndex: number; title: string; blocks: TextBlock[] } & Parts)
  | { kind: 'missing'; itemIndex: number; caseId: string; message: string }
)

export type SlideKind = Slide['kind']

export interface DeckOutline {
  title: string
  subtitle?: string
  author?: string
  date?: string
  slides: Slide[]
  /** Deck items whose case no longer exists (each also has a `missing` slide). */
  missing: { index: number; caseId: string }[]
}

/** The heading a slide shows, with 「（続き）」 on continuation slides. */
export function slideHeading(heading: string, part: number): string {
  return part > 1 ? `${heading}（続き）` : heading
}

/** Labels of the sections that are not body headings. */
export const SECTION_LABELS = {
  summary: '概要',
  outcomes: '成果（数値）',
  photos: '写真',
} as const

export const MISSING_CASE_MESSAGE = 'この事例は見つかりません（削除された可能性があります）'
