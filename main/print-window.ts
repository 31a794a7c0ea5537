import { BrowserWindow } from 'electron'
import type { PrintPdf } from './api/deck-service'
import { SECURE_WEB_PREFERENCES, lockNavigation } from './window'

/**
 * Electron's printToPDF on the handout HTML, in a hidden window that runs no script at all (the
 * HTML is self-contained: inline CSS, images as data: URLs) and is closed afterwards.
 */
export const electronPrintPdf: PrintPdf = async (html) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
  })
  lockNavigation(window.webContents)
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    )
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
    })
    return new Uint8Array(pdf)
  } finally {
    window.destroy()
  }
}
