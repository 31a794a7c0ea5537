import { BrowserWindow } from 'electron'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintPdf } from './api/deck-service'
import { SECURE_WEB_PREFERENCES, lockNavigation } from './window'

/**
 * Electron's printToPDF on the handout HTML, in a hidden window that runs no script at all (the
 * HTML is self-contained: inline CSS, images as data: URLs) and is closed afterwards.
 *
 * The page is written to a private temporary folder and loaded from there: Chromium refuses
 * URLs longer than 2 MiB (ERR_INVALID_URL), so loading the handout itself as a data: URL fails
 * as soon as a deck holds one phone photo. The folder is removed whatever happens.
 */
export const electronPrintPdf: PrintPdf = async (html) => {
  const work = await mkdtemp(join(tmpdir(), 'kb-print-'))
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
  })
  lockNavigation(window.webContents)
  try {
    const page = join(work, 'handout.html')
    await writeFile(page, html, 'utf8')
    await window.loadFile(page)
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
    await rm(work, { recursive: true, force: true })
  }
}
