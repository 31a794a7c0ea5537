import { describe, expect, it } from 'vitest'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { DECK_SECTIONS, type Deck } from '../../../common/decks/deck-schema'
import { exportPptx } from '../../../main/core/decks/export-pptx'
import { BODY_MAX_CHARS } from '../../../main/core/decks/slide-layout'
import { slideHeading } from '../../../common/decks/slide-types'
import {
  FIVE_CASES,
  deckOf,
  openPptx,
  sampleLibrary,
  textsOf,
  useTempFolders,
} from './deck-fixtures'

const temp = useTempFolders()

/** Each `<p:sp>` (shape / text box) of a slide with the text it holds. */
function textBoxes(xml: string): string[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => textsOf(m[1]!).join(''))
}

describe('exportPptx', () => {
  it('writes a 16:9 deck with one slide per outline slide, every case title and section heading as text', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(FIVE_CASES))
    const progress: number[] = []
    const pptx = await openPptx(
      await exportPptx(outline, library, (done, total) => progress.push(done / total)),
    )

    expect(pptx.slides).toHaveLength(outline.slides.length)
    const presentation = await pptx.text('ppt/presentation.xml')
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 3)

    // a title broken into lines is several runs of one paragraph: join them without a separator
    const allText = pptx.slides.map((xml) => textsOf(xml).join(''))
    for (const id of FIVE_CASES) {
      const { meta } = await library.cases.get(id)
      const at = outline.slides.findIndex((s) => s.kind === 'case-overview' && s.caseId === id)
      expect(allText[at]).toContain(meta.title)
    }
    outline.slides.forEach((slide, i) => {
      if ('heading' in slide) expect(allText[i]).toContain(slideHeading(slide.heading, slide.part))
    })
    expect(allText.join()).toContain('新時代の公務に必要なこと')
    expect(progress[progress.length - 1]).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('uses native text (no pictures of text) with Meiryo as the East-Asian font on every run', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(FIVE_CASES))
    const pptx = await openPptx(await exportPptx(outline, library))
    for (const [i, xml] of pptx.slides.entries()) {
      const runs = [...xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((m) => m[1]!)
      expect(runs.length, `slide ${i + 1} has text runs`).toBeGreaterThan(0)
      for (const run of runs) {
        expect(run).toContain('<a:ea typeface="Meiryo"')
        expect(run).toContain('lang="ja-JP"')
      }
      // one paragraph-properties element per paragraph, first (pptxgenjs writes one per run)
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const props = inner!.match(/<a:pPr\b/g) ?? []
        expect(props.length).toBeLessThanOrEqual(1)
        if (props.length) expect(inner!.startsWith('<a:pPr')).toBe(true)
      }
      // pictures only where the outline has photos
      const pictures = (xml.match(/<p:pic>/g) ?? []).length
      const slide = outline.slides[i]!
      expect(pictures).toBe(slide.kind === 'photos' ? slide.photos.length : 0)
    }
    const theme = await pptx.text('ppt/theme/theme1.xml')
    expect(theme).toContain('<a:ea typeface="Meiryo"/>')
    expect(theme).toContain('<a:font script="Jpan" typeface="Yu Gothic"/>')
  })

  it('makes 役割分担 a real table, outcomes large figures, embeds photos and writes notes with the source', async () => {
    const library = await sampleLibrary(temp)
    const deck: Deck = {
      schema: 1,
      id: 'd',
      title: '研修',
      items: [
        {
          kind: 'case',
          caseId: 'kenko-point',
          sections: ['summary', '役割分担', 'outcomes', 'photos'],
        },
      ],
    }
    const outline = await buildDeckOutline(library, deck)
    const pptx = await openPptx(await exportPptx(outline, library))
    // as designed: cover, agenda, divider, table, outcomes, photos, closing
    expect(pptx.slides).toHaveLength(7)

    const table = pptx.slides[3]!
    expect(table).toContain('<a:tbl>')
    expect((table.match(/<a:tr /g) ?? []).length).toBe(5) // header + 4 partners
    expect(textsOf(table).join('')).toContain('かすみ野大学 スポーツ健康科学部')
    for (const cell of table.match(/<a:tc>[\s\S]*?<\/a:tc>/g) ?? [])
      expect(cell).toContain('<a:ea typeface="Meiryo"')

    const outcomes = pptx.slides[4]!
    const figure =
      /<a:rPr [^>]*sz="(\d+)"[^>]*>(?:(?!<\/a:rPr>)[\s\S])*<\/a:rPr><a:t>7,800<\/a:t>/.exec(
        outcomes,
      )
    expect(figure, 'the figure 7,800 is a text run').not.toBeNull()
    expect(Number(figure![1])).toBeGreaterThanOrEqual(4000) // ≥ 40 pt

    expect(pptx.media.length).toBe(1)
    const rels = await pptx.text('ppt/slides/_rels/slide6.xml.rels')
    expect(rels).toMatch(/Target="\.\.\/media\/[^"]+\.png"/)
    const image = await pptx.zip.file(pptx.media[0]!)!.async('uint8array')
    expect([...image.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')

    expect(pptx.notes.size).toBe(7)
    const overviewNotes = textsOf(pptx.notes.get(3)!).join('\n')
    expect(overviewNotes).toContain('事例ID: kenko-point')
    expect(overviewNotes).toMatch(/https:\/\//)
    const tableNotes = textsOf(pptx.notes.get(4)!).join('\n')
    expect(tableNotes).toContain('【役割分担】')
    expect(tableNotes).toContain('出典: 事例「')
  })

  it('exports a 40-case 詳細 deck with every section without overflowing text, using continuation slides', async () => {
    const library = await sampleLibrary(temp)
    const ids = (await library.cases.list()).cases.map((c) => c.id)
    const forty = Array.from({ length: 40 }, (_, i) => ids[i % ids.length]!)
    const deck = deckOf(forty, { preset: 'detailed' })
    expect(
      deck.items.filter((i) => i.kind === 'case' && i.sections?.length === DECK_SECTIONS.length),
    ).toHaveLength(40)
    const outline = await buildDeckOutline(library, deck)
    const pptx = await openPptx(await exportPptx(outline, library))
    expect(pptx.slides).toHaveLength(outline.slides.length)
    expect(outline.slides.filter((s) => s.kind === 'case-overview')).toHaveLength(40)

    let continuation = 0
    for (const xml of pptx.slides) {
      for (const box of textBoxes(xml)) expect(box.length).toBeLessThanOrEqual(BODY_MAX_CHARS)
      if (textsOf(xml).some((t) => t.endsWith('（続き）'))) continuation++
    }
    expect(continuation).toBeGreaterThan(0)
    expect(continuation).toBe(outline.slides.filter((s) => 'part' in s && s.part > 1).length)
  }, 30_000)

  it('exports a deck with a missing case as a slide that says so', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(['kenko-point', 'no-such-case']))
    const pptx = await openPptx(await exportPptx(outline, library))
    const missing = outline.slides.findIndex((s) => s.kind === 'missing')
    expect(textsOf(pptx.slides[missing]!).join('')).toContain(
      'この事例は見つかりません（削除された可能性があります）',
    )
  })
})
