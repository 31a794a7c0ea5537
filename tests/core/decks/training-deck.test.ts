import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastWordEnd, phraseBoundaries } from '../../../common/decks/phrase-breaks'
import type { Deck } from '../../../common/decks/deck-schema'
import { sectionFullText } from '../../../main/core/decks/case-notes'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { exportDeckHtml } from '../../../main/core/decks/deck-html'
import { exportMarp } from '../../../main/core/decks/export-marp'
import { exportPptx } from '../../../main/core/decks/export-pptx'
import { bodySections, parseMarkdown } from '../../../main/core/decks/slide-text'
import type { Library } from '../../../main/core/library'
import {
  STUDENT_CASES,
  openPptx,
  sampleLibrary,
  textsOf,
  trainingDeck,
  useTempFolders,
} from './deck-fixtures'

const temp = useTempFolders()

/** Each `<a:p>` of some XML: its lines (split at `<a:br>`) and its run sizes. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, inner]) => ({
    bullet: inner!.includes('<a:buChar'),
    lines: inner!.split(/<a:br>[\s\S]*?<\/a:br>|<a:br\/>/).map((part) => textsOf(part).join('')),
    sizes: [...inner!.matchAll(/<a:rPr [^>]*?sz="(\d+)"/g)].map((m) => Number(m[1]) / 100),
  }))
}

/** The `<p:sp>` shapes of a slide named `name` (pptxgenjs' objectName). */
function shapesNamed(xml: string, name: string): string[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)]
    .map((m) => m[1]!)
    .filter((sp) => sp.includes(`name="${name}"`))
}

const squash = (text: string) => text.replace(/\s+/g, '')

async function exported(library: Library, deck: Deck) {
  const outline = await buildDeckOutline(library, deck)
  const pptx = await openPptx(await exportPptx(outline, library))
  return { outline, pptx }
}

describe('a training deck', () => {
  it('gives five cases with 標準 at most 25 slides (cover, agenda, closing included), at most 4 a case', async () => {
    const library = await sampleLibrary(temp)
    const { outline, pptx } = await exported(library, trainingDeck('standard'))
    expect(pptx.slides.length).toBeLessThanOrEqual(25)
    expect(outline.slides.map((s) => s.kind).slice(0, 2)).toEqual(['title', 'agenda'])
    expect(outline.slides.at(-1)!.kind).toBe('closing')
    for (const id of STUDENT_CASES)
      expect(
        outline.slides.filter((s) => 'caseId' in s && s.caseId === id).length,
      ).toBeLessThanOrEqual(4)
    // absent preset = 標準
    expect((await buildDeckOutline(library, trainingDeck())).slides).toHaveLength(
      outline.slides.length,
    )
    // 概要: one or two slides a case
    const summary = await buildDeckOutline(library, trainingDeck('summary'))
    for (const id of STUDENT_CASES) {
      const n = summary.slides.filter((s) => 'caseId' in s && s.caseId === id).length
      expect(n).toBeGreaterThanOrEqual(1)
      expect(n).toBeLessThanOrEqual(2)
    }
  })

  it('has no body run under 20 pt, no table text under 16 pt, and no slide with more than 5 bullets', async () => {
    const library = await sampleLibrary(temp)
    for (const preset of ['standard', 'detailed'] as const) {
      const { pptx } = await exported(library, trainingDeck(preset))
      for (const [i, xml] of pptx.slides.entries()) {
        const body = shapesNamed(xml, 'Body').flatMap(paragraphs)
        for (const p of body)
          for (const size of p.sizes) expect(size, `slide ${i + 1}`).toBeGreaterThanOrEqual(20)
        const bullets = paragraphs(xml).filter((p) => p.bullet)
        expect(bullets.length, `slide ${i + 1} bullets`).toBeLessThanOrEqual(5)
        for (const p of bullets) for (const size of p.sizes) expect(size).toBeGreaterThanOrEqual(20)
        for (const cell of xml.match(/<a:tc>[\s\S]*?<\/a:tc>/g) ?? [])
          for (const m of cell.matchAll(/<a:rPr [^>]*?sz="(\d+)"/g))
            expect(Number(m[1])).toBeGreaterThanOrEqual(1600)
      }
    }
  }, 30_000)

  it('puts every chosen section’s full text in the speaker notes', async () => {
    const library = await sampleLibrary(temp)
    const { outline, pptx } = await exported(library, trainingDeck('standard'))
    let checked = 0
    for (const [i, slide] of outline.slides.entries()) {
      if ((slide.kind !== 'section' && slide.kind !== 'table') || slide.part !== 1) continue
      const doc = await library.cases.get(slide.caseId)
      const markdown = bodySections(doc.body).get(slide.section) ?? ''
      const full = sectionFullText(markdown)
      // 標準 shows a 役割分担 table on one slide: every partner, none left to the notes only
      if (slide.kind === 'table')
        expect(slide.rows).toHaveLength(parseMarkdown(markdown).table!.rows.length)
      const notes = textsOf(pptx.notes.get(i + 1)!).join('\n')
      expect(squash(notes), `${slide.caseId} ${slide.section}`).toContain(squash(full))
      checked++
    }
    expect(checked).toBe(15) // 役割分担, 成果と効果, 協働のコツ of five cases
  })

  it('breaks titles, bullets and cells only between BudouX phrases', async () => {
    const library = await sampleLibrary(temp)
    const { pptx } = await exported(library, trainingDeck('detailed'))
    let broken = 0
    for (const xml of pptx.slides) {
      for (const p of paragraphs(xml)) {
        if (p.lines.length < 2) continue
        const text = p.lines.join('')
        const boundaries = phraseBoundaries(text)
        let at = 0
        for (const line of p.lines.slice(0, -1)) {
          at += line.length
          expect(boundaries.has(at), `「${text.slice(0, at)}｜${text.slice(at)}」`).toBe(true)
          broken++
        }
      }
      // a table cell's lines are paragraphs of the cell: they too end between phrases
      for (const cell of xml.match(/<a:tc>[\s\S]*?<\/a:tc>/g) ?? []) {
        const lines = [...cell.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, inner]) =>
          textsOf(inner!).join(''),
        )
        const boundaries = phraseBoundaries(lines.join(''))
        let at = 0
        for (const line of lines.slice(0, -1)) {
          at += line.length
          // between phrases, or at a word end inside an over-long name (「大学 学部｜ゼミ」)
          const joined = lines.join('')
          const ok = boundaries.has(at) || lastWordEnd(joined.slice(0, at + 1)) === at
          expect(ok, lines.join('｜')).toBe(true)
          broken++
        }
      }
    }
    expect(broken).toBeGreaterThan(50)
    // the cover title that used to break inside 「協働」
    const cover = paragraphs(pptx.slides[0]!)[0]!
    expect(cover.lines.join('')).toBe('学生との協働 ― 5つの事例に学ぶ')
    for (const line of cover.lines) expect(line.startsWith('働')).toBe(false)
  }, 30_000)

  it('uses a section override instead of the generated points in the PowerPoint, the handout and Marp', async () => {
    const library = await sampleLibrary(temp)
    const override =
      '- 交渉は商店街の人に任せる\n- 出口（大学が抜けるとき）を協定に書く\n- 報告は商店街の総会で'
    const deck = trainingDeck('standard')
    deck.items[0] = {
      ...deck.items[0]!,
      kind: 'case',
      caseId: STUDENT_CASES[0]!,
      overrides: { 協働のコツ: override },
    }
    const outline = await buildDeckOutline(library, deck)
    const index = outline.slides.findIndex(
      (s) => s.kind === 'section' && s.caseId === STUDENT_CASES[0] && s.section === '協働のコツ',
    )
    const generated = '物件の交渉は、市ではなく商店街の人に任せる'
    const pptx = await openPptx(await exportPptx(outline, library))
    const slideText = textsOf(pptx.slides[index]!).join('')
    expect(slideText).toContain('出口（大学が抜けるとき）を協定に書く')
    expect(slideText).not.toContain(generated)
    expect(textsOf(pptx.notes.get(index + 1)!).join('')).toContain(generated) // the notes keep the case text
    const html = (await exportDeckHtml(outline, library)).replaceAll('<wbr>', '')
    expect(html).toContain('出口（大学が抜けるとき）を協定に書く')
    expect(html.split('class="notes"')[0]).not.toContain(`<p class="li l0">${generated}`)
    const marp = exportMarp(outline).replaceAll('\\', '')
    expect(marp).toContain('- 出口（大学が抜けるとき）を協定に書く')
    expect(marp).not.toContain(`- ${generated}`)
    // the builder sees the generated text beside the override
    const text = outline.texts.find(
      (t) => t.caseId === STUDENT_CASES[0] && t.section === '協働のコツ',
    )!
    expect(text.override).toBe(override)
    expect(text.generated).toContain(`- ${generated}`)
    expect(text.stale).toBeUndefined()
  })

  it('warns when the case changed after the override was written', async () => {
    const library = await sampleLibrary(temp)
    const doc = await library.cases.get('kenko-point')
    const deck = trainingDeck('standard', {
      items: [
        {
          kind: 'case',
          caseId: 'kenko-point',
          overrides: { 協働のコツ: '- 撤退時のデータ返還を契約に' },
          overrideRevisions: { 協働のコツ: doc.meta.revision },
        },
      ],
    })
    const before = await buildDeckOutline(library, deck)
    expect(before.texts.find((t) => t.section === '協働のコツ')!.stale).toBeUndefined()
    // someone edits the case after the override was written
    const file = join(library.root, 'cases', 'kenko-point', 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8'))
    await writeFile(file, JSON.stringify({ ...meta, revision: meta.revision + 1 }, null, 2))
    const after = await buildDeckOutline(library, deck)
    expect(after.texts.find((t) => t.section === '協働のコツ')!.stale).toBe(true)
  })

  it('shows the four elements of 協働 as a native table of scores with the notes as points', async () => {
    const library = await sampleLibrary(temp)
    const file = join(library.root, 'cases', 'wakamono-kaigi', 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8'))
    meta.collaboration = {
      ownership: { score: 5, note: '高校生が議題を自分たちで決めた' },
      problem: { score: 4 },
      goal: { score: 3, note: '提案の実現までは共有できなかった' },
      // action left unscored: no row for it (an out-of-shape score makes the case damaged instead)
      note: 'ユース会議は次年度も継続',
    }
    await writeFile(file, JSON.stringify(meta, null, 2))
    const deck = trainingDeck(undefined, {
      items: [{ kind: 'case', caseId: 'wakamono-kaigi', sections: ['summary', 'collaboration'] }],
    })
    const { outline, pptx } = await exported(library, deck)
    const index = outline.slides.findIndex((s) => s.kind === 'collaboration')
    expect(outline.slides[index]).toMatchObject({
      heading: '協働の4要素',
      rows: [
        { label: 'ともに主体的に', score: 5 },
        { label: '課題に向き合う', score: 4 },
        { label: '目標に共感する', score: 3 },
      ],
    })
    const xml = pptx.slides[index]!
    expect(xml).toContain('<a:tbl>')
    const text = textsOf(xml).join('')
    expect(text).toContain('●●●●● 5 / 5'.replace(' ', '  ').slice(0, 5))
    expect(text).toContain('ともに主体的に：高校生が議題を自分たちで決めた')
    expect(textsOf(pptx.notes.get(index + 1)!).join('\n')).toContain(
      '目標に共感する: 3/5 — 提案の実現までは共有できなかった',
    )
    // a case without the field adds no slide (every sample case has one: take it away)
    const plainFile = join(library.root, 'cases', 'kenko-point', 'case.json')
    const plain = JSON.parse(await readFile(plainFile, 'utf8'))
    delete plain.collaboration
    await writeFile(plainFile, JSON.stringify(plain, null, 2))
    const none = await buildDeckOutline(
      library,
      trainingDeck(undefined, {
        items: [{ kind: 'case', caseId: 'kenko-point', sections: ['collaboration'] }],
      }),
    )
    expect(none.slides.some((s) => s.kind === 'collaboration')).toBe(false)
  })

  it('leaves contact names out of the notes when asked', async () => {
    const library = await sampleLibrary(temp)
    const deck = trainingDeck('standard')
    const withNames = await buildDeckOutline(library, deck)
    const without = await buildDeckOutline(library, deck, { contacts: false })
    const notes = (o: typeof without) => o.slides.map((s) => s.notes ?? '').join('\n')
    expect(notes(withNames)).toContain('高木 翔太')
    expect(notes(without)).not.toContain('高木 翔太')
    expect(notes(without)).toContain('商工観光課 商業振興係')
  })
})
