import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { exportDeckHtml } from '../../../main/core/decks/deck-html'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { exportMarp } from '../../../main/core/decks/export-marp'
import { FIVE_CASES, deckOf, sampleLibrary, useTempFolders } from './deck-fixtures'

const temp = useTempFolders()

const HOSTILE = {
  kind: 'text' as const,
  title: '# 見出し? <b>x</b> ---',
  body: 'a\n\n---\n\n<script>alert(1)</script>\n\n<!-- _class: title -->\n\n$x^2$ :smile: [link](https://example.com) | a | b |\n\n***\n\n- - -',
}

function sectionCount(html: string): number {
  return (html.match(/<section\b/g) ?? []).length
}

describe('exportMarp', () => {
  it('renders with marp-core to exactly the outline’s number of slides, notes as presenter notes', async () => {
    const library = await sampleLibrary(temp)
    const deck = deckOf([...FIVE_CASES, 'deleted-case'])
    deck.items.push(HOSTILE)
    const outline = await buildDeckOutline(library, deck)
    const md = exportMarp(outline)
    // script: false leaves out Marp's own browser helper, so any <script> would be ours
    const { html, comments } = new Marp({ script: false }).render(md)
    expect(sectionCount(html)).toBe(outline.slides.length)
    expect(html).not.toContain('<script')
    expect(html).toContain('宅建協会・NPOとの協定による空き家のワンストップ相談と利活用')
    expect(html).toContain('この事例は見つかりません（削除された可能性があります）')
    expect(html).toMatch(/src="cases\/kenko-point\/attachments\/kenko-chart\.png"/)
    // every slide's notes arrive as that slide's presenter notes
    expect(comments).toHaveLength(outline.slides.length)
    outline.slides.forEach((slide, i) => {
      if (slide.notes)
        expect(comments[i]!.join('\n')).toContain(slide.notes.split('\n')[0]!.slice(0, 20))
    })
  })
})

describe('exportDeckHtml', () => {
  it('is one self-contained page: a 16:9 slide per outline slide, photos as data: URLs, no external reference', async () => {
    const library = await sampleLibrary(temp)
    const deck = deckOf(FIVE_CASES)
    deck.items.push(HOSTILE)
    const outline = await buildDeckOutline(library, deck)
    const html = await exportDeckHtml(outline, library)
    expect(sectionCount(html)).toBe(outline.slides.length)
    expect(html).toContain('aspect-ratio:16/9')
    expect(html).not.toMatch(/<script|<link|@import|url\(/i)
    expect(html).not.toMatch(/\b(?:src|href)="(?!data:)/)
    expect((html.match(/<img [^>]*src="data:image\/png;base64,/g) ?? []).length).toBe(
      outline.slides.reduce((n, s) => n + (s.kind === 'photos' ? s.photos.length : 0), 0),
    )
    expect(html.replaceAll('<wbr>', '')).toContain('# 見出し? &lt;b&gt;x&lt;/b&gt; ---')
    // notes printed with the slides by default
    expect((html.match(/class="notes"/g) ?? []).length).toBe(outline.slides.length)
  })

  it('prints one or two slides per page, with or without notes', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(FIVE_CASES.slice(0, 2)))
    const n = outline.slides.length
    const two = await exportDeckHtml(outline, library, { perPage: 2, notes: true })
    expect((two.match(/class="page"/g) ?? []).length).toBe(Math.ceil(n / 2))
    const bare = await exportDeckHtml(outline, library, { perPage: 1, notes: false })
    expect((bare.match(/class="page"/g) ?? []).length).toBe(n)
    expect(bare).not.toContain('class="notes"')
    expect(bare).toContain('size:A4 landscape')
  })
})
