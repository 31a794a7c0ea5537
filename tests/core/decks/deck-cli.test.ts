import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { runDeck } from '../../../main/cli/commands/deck'
import { UsageError } from '../../../main/cli/cli-args'
import { DeckStore } from '../../../main/core/decks/deck-store'
import { findChromium } from '../../../main/core/decks/print-pdf'
import {
  FIVE_CASES,
  deckOf,
  expectKbError,
  inputOf,
  openPptx,
  sampleLibrary,
  useTempFolders,
} from './deck-fixtures'

const temp = useTempFolders()

function capture() {
  const out = { stdout: '', stderr: '' }
  return {
    out,
    output: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
    },
  }
}

async function setUp(caseIds = FIVE_CASES.slice(0, 2)) {
  const library = await sampleLibrary(temp)
  const deck = await new DeckStore(library.root).create(inputOf(deckOf(caseIds)))
  return { library, deck, outDir: await temp.make('kb-deck-out-') }
}

describe('kb deck', () => {
  it('writes the PowerPoint and the Marp deck, reporting progress and missing cases', async () => {
    const { library, deck, outDir } = await setUp([...FIVE_CASES.slice(0, 2), 'gone-case'])
    const { out, output } = capture()
    const pptx = join(outDir, 'deck.pptx')
    const md = join(outDir, 'deck.md')
    const code = await runDeck([library.root, deck.id, '--pptx', pptx, '--marp', md], output)
    expect(code).toBe(0)
    expect(out.stdout).toBe(`${pptx}\n${md}\n`)
    expect(out.stderr).toMatch(/PowerPoint \d+\/\d+/)
    expect(out.stderr).toContain('gone-case')
    const slides = (await openPptx(await readFile(pptx))).slides.length
    const { html } = new Marp({ script: false }).render(await readFile(md, 'utf8'))
    expect((html.match(/<section\b/g) ?? []).length).toBe(slides)
    // photo links are relative to where the .md was written and point at the attachment
    const src = /src="([^"]+kenko-chart\.png)"/.exec(html)![1]!
    expect(existsSync(join(outDir, decodeURIComponent(src)))).toBe(true)
  })

  it('leaves contact names out of the notes with --no-contacts', async () => {
    const { library, deck, outDir } = await setUp(['shotengai-akitenpo-gakusei'])
    const { output } = capture()
    const notesOf = async (file: string) => {
      const pptx = await openPptx(await readFile(file))
      return [...pptx.notes.values()].join('')
    }
    const named = join(outDir, 'named.pptx')
    const anonymous = join(outDir, 'anonymous.pptx')
    expect(await runDeck([library.root, deck.id, '--pptx', named], output)).toBe(0)
    expect(
      await runDeck([library.root, deck.id, '--pptx', anonymous, '--no-contacts'], output),
    ).toBe(0)
    expect(await notesOf(named)).toContain('高木 翔太')
    expect(await notesOf(anonymous)).not.toContain('高木 翔太')
    expect(await notesOf(anonymous)).toContain('商工観光課 商業振興係')
  })

  it('refuses bad usage and says clearly when the target cannot be written', async () => {
    const { library, deck, outDir } = await setUp()
    const { output } = capture()
    await expect(runDeck([library.root, deck.id], output)).rejects.toBeInstanceOf(UsageError)
    await expect(
      runDeck([library.root, deck.id, '--pdf', 'x.pdf', '--per-page', '3'], output),
    ).rejects.toBeInstanceOf(UsageError)
    const error = await expectKbError(
      runDeck(
        [library.root, deck.id, '--pptx', join(outDir, 'no-such-folder', 'deck.pptx')],
        output,
      ),
      'io',
    )
    expect(error.message).toMatch(/書き出せません.*Cannot write/)
    await expectKbError(
      runDeck([library.root, 'deck-nope', '--marp', join(outDir, 'a.md')], output),
      'not_found',
    )
  })

  it('exits 1 with a bilingual message when no Chromium is there for --pdf', async () => {
    const { library, deck, outDir } = await setUp()
    const { out, output } = capture()
    const code = await runDeck([library.root, deck.id, '--pdf', join(outDir, 'deck.pdf')], output, {
      findChromium: async () => undefined,
    })
    expect(code).toBe(1)
    expect(out.stderr).toMatch(/Chromium が必要です.*PDF export needs Chromium/)
    expect(existsSync(join(outDir, 'deck.pdf'))).toBe(false)
  })

  // The PDF handout is printed by Chromium (as the web host does); it runs wherever Chromium is
  // installed, as on CI (~5–10 s on two cores).
  it.runIf(existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))(
    'prints the handout to PDF with headless Chromium',
    async () => {
      expect(await findChromium()).toBeTruthy()
      const { library, deck, outDir } = await setUp()
      const { output } = capture()
      const pdf = join(outDir, 'handout.pdf')
      const code = await runDeck([library.root, deck.id, '--pdf', pdf, '--per-page', '2'], output)
      expect(code).toBe(0)
      const data = await readFile(pdf)
      expect(data.subarray(0, 5).toString()).toBe('%PDF-')
      expect(data.length).toBeGreaterThan(10_000)
    },
    60_000,
  )
})
