/**
 * The one layout budget that the outline splits text against and that every export honours.
 * Slides are 16:9, 13.333 × 7.5 in (PowerPoint's widescreen). Body text is 18 pt in Meiryo,
 * whose full-width characters are one em wide, so a 12.1 in box holds about 47 of them per
 * line; we count 42 to leave room for Meiryo's wide latin digits and for proportional fallback
 * fonts. 13 lines of 18 pt with paragraph spacing fill the 5.4 in body box.
 */
export const SLIDE_W = 13.333
export const SLIDE_H = 7.5

export const BODY_FONT_PT = 18
export const BODY_CHARS_PER_LINE = 42
export const BODY_MAX_LINES = 13
/** No text box on a text slide holds more characters than this (tests assert it). */
export const BODY_MAX_CHARS = BODY_CHARS_PER_LINE * BODY_MAX_LINES

/** Table slides: 14 pt over the 12.1 in body width, about 58 full-width characters a row. */
export const TABLE_FONT_PT = 14
export const TABLE_MAX_LINES = 15
const TABLE_CHARS_PER_ROW = 56

/** Width fractions of a table's columns: the first (who) 30 %, the rest share the remainder. */
export function tableColumnFractions(count: number): number[] {
  if (count <= 1) return [1]
  const rest = 0.7 / (count - 1)
  return [0.3, ...Array.from({ length: count - 1 }, () => rest)]
}

/** Characters per line in each column (cell padding taken off). */
export function tableCharsPerLine(count: number): number[] {
  return tableColumnFractions(count).map((f) =>
    Math.max(4, Math.floor(f * TABLE_CHARS_PER_ROW) - 2),
  )
}
/** A cell longer than this is cut with 「…」 on the slide; the full text goes to the notes. */
export const TABLE_MAX_CELL_CHARS = 200

export const OUTCOMES_PER_SLIDE = 6
export const PHOTOS_PER_SLIDE = 4

/** Lines a paragraph of `chars` characters takes at `perLine`, plus half a line of spacing. */
export function linesFor(chars: number, perLine: number): number {
  return Math.max(1, Math.ceil(chars / perLine)) + 0.3
}

/** Display width in "full-width characters": half-width ASCII counts as half. */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.55 : 1
  return width
}
