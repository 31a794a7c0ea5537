/** Colours and fonts shared by the PowerPoint, print and Marp exports (hex without '#'). */
export const THEME = {
  navy: '1F3A5F',
  accent: '2F7D4F',
  text: '222222',
  muted: '5B6573',
  light: 'EEF2F7',
  rule: 'C9D3DF',
  warn: 'B3261E',
} as const

/**
 * PowerPoint font: Meiryo is on every Japanese Windows since Vista and on Office for Mac;
 * where it is missing PowerPoint falls back to the theme's Japanese font (Yu Gothic).
 */
export const PPTX_FONT = 'Meiryo'
export const PPTX_FALLBACK_FONT = 'Yu Gothic'

/** The same choice for HTML and Marp, with the fonts Linux and macOS have instead. */
export const CSS_FONT_STACK =
  "Meiryo, 'Yu Gothic', YuGothic, 'Hiragino Sans', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif"
