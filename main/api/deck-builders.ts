/**
 * What the deck service builds and exports with, loaded on the first outline or export rather
 * than at start (deck-service.ts): line breaking pulls in BudouX and, through it, the linkedom
 * DOM (≈25 MB of RSS in plain Node), and the PowerPoint export pptxgenjs, in every process that
 * opens a library, for decks most sessions never open.
 */
export { exportDeckHtml } from '../core/decks/deck-html'
export { buildDeckOutline } from '../core/decks/deck-outline'
export { exportMarp } from '../core/decks/export-marp'
export { exportPptx } from '../core/decks/export-pptx'
