import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { exportDeckHtml } from '../../../main/core/decks/deck-html'
import { findChromium, printHtmlToPdf } from '../../../main/core/decks/print-pdf'
import { STUDENT_CASES, sampleLibrary, trainingDeck, useTempFolders } from './deck-fixtures'

const run = promisify(execFile)
const temp = useTempFolders()
const chromium = await findChromium()
// pdftotext (poppler-utils) reads the printed PDF back. Without Chromium or pdftotext (a fresh
// machine before `.ci/run` installs them) the printed check is skipped, the HTML check is not.
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p))
// Whitespace differs (the PDF wraps lines) and pdftotext joins a word hyphenated at a line end
// (「akitenpo-⏎gakusei」 → 「akitenpogakusei」), so compare without either.
const squash = (text: string) => text.replace(/[\s-]+/g, '')

describe.skipIf(!chromium || !pdftotext)('the printed handout', () => {
  it('prints the full notes of every slide in the 2-per-page PDF: nothing is cut', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, trainingDeck('detailed'))
    const html = await exportDeckHtml(outline, library, { perPage: 2, notes: true })
    const pdf = join(await temp.make(), 'handout.pdf')
    await printHtmlToPdf(html, pdf, chromium!)
    const { stdout } = await run(pdftotext!, ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 })
    const text = squash(stdout)
    let longest = 0
    for (const [i, slide] of outline.slides.entries()) {
      if (!slide.notes) continue
      longest = Math.max(longest, slide.notes.length)
      expect(text, `notes of slide ${i + 1}`).toContain(squash(slide.notes))
    }
    // notes of 600+ characters fill more than the half page beside their slide (the old layout cut
    // them at 100 mm); here they continue below or on the next page
    expect(longest).toBeGreaterThan(600)
  }, 120_000)
})

describe('the handout', () => {
  it('prints only the chosen sections in the 1-per-page handout, without notes on request', async () => {
    const library = await sampleLibrary(temp)
    const deck = trainingDeck(undefined, {
      items: [{ kind: 'case', caseId: STUDENT_CASES[0]!, sections: ['summary', '協働のコツ'] }],
    })
    const outline = await buildDeckOutline(library, deck)
    const withNotes = await exportDeckHtml(outline, library, { perPage: 1, notes: true })
    expect(withNotes).toContain('【協働のコツ】')
    for (const other of ['背景・課題', '役割分担', '苦労と教訓', '今後の展望'])
      expect(withNotes).not.toContain(other)
    const bare = await exportDeckHtml(outline, library, { perPage: 1, notes: false })
    expect(bare).not.toContain('class="notes"')
    expect(bare).not.toContain('【協働のコツ】')
  })
})
