import type { KbApi } from '../../common/api'
import type { DeckExportFormat, ExportedFile } from '../../common/model'
import { asResult, KbError, bilingual } from '../core/errors'
import { DeckStore } from '../core/decks/deck-store'
import { toSafeFileName } from '../core/exchange/safe-names'
import type { Library } from '../core/library'
import type { EventHub } from './events'

type DeckMethods = Pick<
  KbApi,
  | 'decks.list'
  | 'decks.get'
  | 'decks.create'
  | 'decks.save'
  | 'decks.remove'
  | 'decks.outline'
  | 'decks.export'
  | 'decks.preview'
>

/** Turns print-ready HTML into a PDF: Electron's printToPDF in the app, Chromium on the web host. */
export type PrintPdf = (html: string) => Promise<Uint8Array>

const MIME: Record<DeckExportFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  marp: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
}
const EXTENSION: Record<DeckExportFormat, string> = {
  pptx: 'pptx',
  pdf: 'pdf',
  marp: 'md',
  html: 'html',
}

/** The outline builder and the exports, on first use (see deck-builders.ts). */
const builders = () => import('./deck-builders')

/** File names keep Japanese titles but lose what file systems refuse. */
function fileNameOf(title: string, format: DeckExportFormat): string {
  return toSafeFileName(`${title.slice(0, 80) || 'deck'}.${EXTENSION[format]}`)
}

/** Slide decks: the trainer's builder (CRUD and live outline) and the exports. */
export function createDeckService(deps: {
  library: () => Library
  events: EventHub
  printPdf?: PrintPdf
}): DeckMethods {
  const { library, events } = deps
  const store = () => new DeckStore(library().root)
  const changed = () => events.emit({ type: 'library.changed', ids: [] })
  return {
    'decks.list': () => asResult(async () => ({ decks: await store().list() })),
    'decks.get': (id) => asResult(() => store().get(id)),
    'decks.create': (input) =>
      asResult(async () => {
        const deck = await store().create(input)
        changed()
        return deck
      }),
    'decks.save': (deck, baseFileHash) =>
      asResult(async () => {
        const saved = await store().save(deck, baseFileHash)
        changed()
        return saved
      }),
    'decks.remove': (id) =>
      asResult(async () => {
        const result = await store().remove(id)
        changed()
        return result
      }),
    'decks.outline': (id) =>
      asResult(async () => (await builders()).buildDeckOutline(library(), await store().get(id))),
    // Validated by the deck schema like a save, but nothing is written.
    'decks.preview': (deck) =>
      asResult(async () => (await builders()).buildDeckOutline(library(), deck)),
    'decks.export': (id, format, options = {}) =>
      asResult(async (): Promise<ExportedFile> => {
        const { buildDeckOutline, exportDeckHtml, exportMarp, exportPptx } = await builders()
        const deck = await store().get(id)
        const outline = await buildDeckOutline(library(), deck, {
          contacts: options.contacts ?? true,
        })
        const progress = (done: number, total: number) =>
          events.emit({ type: 'progress', task: 'export', done, total })
        let data: Uint8Array
        if (format === 'pptx') data = await exportPptx(outline, library(), progress)
        else if (format === 'marp') data = new TextEncoder().encode(exportMarp(outline))
        else {
          const html = await exportDeckHtml(outline, library(), {
            perPage: options.perPage ?? 1,
            notes: options.notes ?? true,
          })
          if (format === 'html') data = new TextEncoder().encode(html)
          else if (!deps.printPdf) {
            throw new KbError(
              'io',
              bilingual('PDFを作成できる環境がありません', 'PDF printing is not available here'),
            )
          } else data = await deps.printPdf(html)
        }
        progress(1, 1)
        return {
          fileName: fileNameOf(deck.title, format),
          mimeType: MIME[format],
          dataBase64: Buffer.from(data).toString('base64'),
        }
      }),
  }
}
