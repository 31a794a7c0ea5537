import { execFile } from 'node:child_process'
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { renameWithRetry } from '../atomic-write'
import { KbError, bilingual } from '../errors'

const run = promisify(execFile)

/** Chromium to print with: $CHROMIUM_PATH, else Debian's /usr/bin/chromium; undefined if neither. */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  for (const candidate of [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (!candidate) continue
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      // not there; try the next
    }
  }
  return undefined
}

/**
 * Prints self-contained HTML to a PDF with headless Chromium (the CLI's and the browser tests'
 * route; the desktop app uses Electron's printToPDF on the same HTML). Writes to a temp file
 * beside `out` and renames it, so a failed print never leaves a truncated PDF.
 */
export async function printHtmlToPdf(html: string, out: string, chromium: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kb-deck-'))
  const temp = join(dirname(out), `.kbtmp-${process.pid}-${Date.now()}.pdf`)
  try {
    const page = join(work, 'deck.html')
    await writeFile(page, html, 'utf8')
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(work, 'profile')}`,
        `--print-to-pdf=${temp}`,
        pathToFileURL(page).href,
      ],
      { timeout: 180_000 },
    )
    const info = await stat(temp).catch(() => null)
    if (!info || info.size === 0) {
      throw new KbError(
        'io',
        bilingual('Chromium がPDFを作成できませんでした', 'Chromium did not produce the PDF'),
      )
    }
    await renameWithRetry(temp, out)
  } finally {
    await rm(temp, { force: true })
    await rm(work, { recursive: true, force: true })
  }
}
