import { phrasesOf, textWidth } from '../../../common/decks/phrase-breaks'

export { textWidth }

/**
 * The one layout budget that the outline splits text against and that every export honours.
 * Slides are 16:9, 13.333 × 7.5 in (PowerPoint's widescreen); the body box is 12.1 × 5.4 in.
 * Meiryo's full-width characters are one em wide, so a line holds 12.1 in × 72 / size of them;
 * we count fewer, leaving room for the bullet indent, Meiryo's wide latin digits and fallback
 * fonts, so PowerPoint never wraps a line we did not break ourselves (at a phrase boundary).
 */
export const SLIDE_W = 13.333
export const SLIDE_H = 7.5

/** Case slides are points: at most five, 24 pt, about two lines each. */
export const POINT_FONT_PT = 24
export const POINTS_PER_SLIDE = 5
export const POINT_CHARS_PER_LINE = 31
/** A point longer than this is trimmed at a natural break (its sentence stays in the notes). */
export const POINT_MAX_WIDTH = 56

/** Free text slides (the trainer's own words): 20 pt. */
export const BODY_FONT_PT = 20
export const BODY_CHARS_PER_LINE = 38
export const BODY_MAX_LINES = 11
/** No text box on a text slide holds more characters than this (tests assert it). */
export const BODY_MAX_CHARS = BODY_CHARS_PER_LINE * BODY_MAX_LINES

/** Table slides: 18 pt over the 12.1 in body width (never under 16 pt). */
export const TABLE_FONT_PT = 18
export const TABLE_MAX_LINES = 16
export const TABLE_MAX_ROWS = 7
const TABLE_CHARS_PER_ROW = 44

/**
 * Width fractions of a table's columns: the first (who) 30 %, wider (up to 50 %) when a name
 * in it has a phrase that would not fit a line (「一般社団法人かすみ野宅地建物取引業協会」,
 * must not break inside 「かすみ野」); the other columns share the remainder.
 */
export function tableColumnFractions(count: number, firstColumn: string[] = []): number[] {
  if (count <= 1) return [1]
  const longest = Math.max(
    0,
    ...firstColumn.flatMap((cell) => phrasesOf(cell).map((p) => textWidth(p.trim()))),
  )
  const first = Math.min(0.5, Math.max(0.3, (longest + 2.5) / TABLE_CHARS_PER_ROW))
  const rest = (1 - first) / (count - 1)
  return [first, ...Array.from({ length: count - 1 }, () => rest)]
}

/** Characters per line in each column (cell padding taken off). */
export function tableCharsPerLine(count: number, firstColumn: string[] = []): number[] {
  return tableColumnFractions(count, firstColumn).map((f) =>
    Math.max(4, Math.floor(f * TABLE_CHARS_PER_ROW) - 2),
  )
}
/** A cell longer than this is trimmed on the slide; the full text goes to the notes. */
export const TABLE_MAX_CELL_CHARS = 70

export const OUTCOMES_PER_SLIDE = 6
export const PHOTOS_PER_SLIDE = 4

/** Lines a paragraph of `chars` characters takes at `perLine`, plus a third of a line of spacing. */
export function linesFor(chars: number, perLine: number): number {
  return Math.max(1, Math.ceil(chars / perLine)) + 0.3
}
