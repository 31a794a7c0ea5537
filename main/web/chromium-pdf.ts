import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintPdf } from '../api/deck-service'
import { findChromium, printHtmlToPdf } from '../core/decks/print-pdf'
import { KbError, bilingual } from '../core/errors'

/** The web host prints handouts with the machine's headless Chromium (Electron is not there). */
export const chromiumPrintPdf: PrintPdf = async (html) => {
  const chromium = await findChromium()
  if (!chromium) {
    throw new KbError(
      'io',
      bilingual('PDFの作成にはChromiumが必要です', 'Chromium is needed to print PDF'),
    )
  }
  const work = await mkdtemp(join(tmpdir(), 'kb-pdf-'))
  try {
    const out = join(work, 'handout.pdf')
    await printHtmlToPdf(html, out, chromium)
    return new Uint8Array(await readFile(out))
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
