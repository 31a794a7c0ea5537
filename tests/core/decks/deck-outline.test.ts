import { describe, expect, it } from 'vitest'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { BODY_MAX_CHARS } from '../../../main/core/decks/slide-layout'
import { paginateBlocks, parseMarkdown, plain } from '../../../main/core/decks/slide-text'
import { slideHeading, type Slide } from '../../../common/decks/slide-types'
import { FIVE_CASES, deckOf, sampleLibrary, useTempFolders } from './deck-fixtures'

const temp = useTempFolders()

const textOfSlide = (slide: Slide) =>
  'blocks' in slide ? slide.blocks.map((b) => plain(b.runs)).join('\n') : ''

describe('buildDeckOutline', () => {
  it('starts with the cover and the agenda, gives each case a divider with chips, 年度 and 和暦, department and summary points, and ends with the closing', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(FIVE_CASES))
    expect(outline.slides[0]).toMatchObject({
      kind: 'title',
      title: '協働の成功事例に学ぶ',
      subtitle: '新任職員研修「協働の基礎」',
      author: '市民協働課',
      date: '2025年4月',
    })
    const overviews = outline.slides.filter((s) => s.kind === 'case-overview')
    expect(overviews.map((s) => s.caseId)).toEqual(FIVE_CASES)
    expect(overviews[0]).toMatchObject({
      caseTitle: '宅建協会・NPOとの協定による空き家のワンストップ相談と利活用',
      yearLabel: '2018年度（平成30年度）',
      department: '都市計画課',
      chips: [
        { key: 'private', label: '民間企業', color: '#2a5fa8' },
        { key: 'npo', label: 'NPO・市民活動', color: '#c0602a' },
        { key: 'interdepartment', label: '庁内他部局', color: '#5b6573' },
      ],
    })
    const points = overviews[0]!.kind === 'case-overview' ? overviews[0]!.points : []
    expect(points[0]).toMatch(/^北部地区の古い住宅団地/)
    expect(points.length).toBeLessThanOrEqual(3)
    const agenda = outline.slides[1]!
    expect(agenda.kind === 'agenda' && agenda.entries.map((e) => e.title)).toEqual(
      overviews.map((o) => o.kind === 'case-overview' && o.caseTitle),
    )
    expect(agenda.kind === 'agenda' && agenda.entries[0]).toMatchObject({
      number: 1,
      partners: '民間企業、NPO・市民活動、庁内他部局',
      yearLabel: '2018年度（平成30年度）',
    })
    // the free slide stays where the trainer put it: after the cases, before the closing
    expect(outline.slides.at(-2)).toMatchObject({ kind: 'text', title: '新時代の公務に必要なこと' })
    expect(outline.slides.at(-1)).toMatchObject({ kind: 'closing' })
    expect(outline.missing).toEqual([])
  })

  it('follows the chosen sections in order and skips those with nothing to show', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [
        {
          kind: 'case',
          caseId: 'kenko-point',
          sections: ['photos', '協働のコツ', '役割分担', 'outcomes'],
        },
      ],
    })
    expect(outline.slides.map((s) => s.kind)).toEqual([
      'title',
      'agenda',
      'case-overview',
      'photos',
      'section',
      'table',
      'outcomes',
      'closing',
    ])
    // summary not chosen: the divider has no points, and the summary is in the notes
    expect(outline.slides[2]).toMatchObject({ points: [] })
    expect(outline.slides[2]!.notes).toMatch(/概要: /)

    const none = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [{ kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['photos'] }], // no image attachments
    })
    expect(none.slides.map((s) => s.kind)).toEqual(['title', 'agenda', 'case-overview', 'closing'])
  })

  it('turns the 役割分担 Markdown table into table rows, outcomes into figures and photos into sized images', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, deckOf(['akiya-taisaku-kyotei', 'kenko-point']))
    const table = outline.slides.find(
      (s) => s.kind === 'table' && s.caseId === 'akiya-taisaku-kyotei',
    )
    expect(table).toMatchObject({ heading: '役割分担', columns: ['主体', '役割'] })
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      '一般社団法人かすみ野宅地建物取引業協会',
      'NPO法人空き家みらいネット',
      '税務課',
      '都市計画課 住宅政策係（市）',
    ])
    const outcomes = outline.slides.find(
      (s) => s.kind === 'outcomes' && s.caseId === 'akiya-taisaku-kyotei',
    )
    expect(outcomes?.kind === 'outcomes' && outcomes.figures[0]).toEqual({
      label: '相談件数（累計）',
      value: '389',
      unit: '件',
    })
    const photos = outline.slides.find((s) => s.kind === 'photos')
    expect(photos).toMatchObject({
      caseId: 'kenko-point',
      photos: [{ name: 'kenko-chart.png', width: 640, height: 400 }],
    })
  })

  it('continues a long section on more slides of at most five points only with 詳細', async () => {
    const library = await sampleLibrary(temp)
    const long = Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}段落。${'市と団体がともに主体的に取り組みました。'.repeat(6)}`,
    ).join('\n\n')
    const huge = '区切りのない長い段落'.repeat(200)
    const doc = await library.cases.create({
      meta: { title: '長い事例', partnerTypes: ['npo'] },
      body: `## 背景・課題\n\n${long}\n\n## 取り組みの内容\n\n${huge}\n`,
    })
    const item = {
      kind: 'case' as const,
      caseId: doc.meta.id,
      sections: ['背景・課題' as const, '取り組みの内容' as const],
    }
    const deck = { schema: 1 as const, id: 'd', title: 't', items: [item] }
    const detailed = await buildDeckOutline(library, { ...deck, preset: 'detailed' })
    const sections = detailed.slides.filter((s) => s.kind === 'section')
    const background = sections.filter((s) => s.heading === '背景・課題')
    expect(background.length).toBeGreaterThan(1)
    expect(background.map((s) => s.part)).toEqual(background.map((_, i) => i + 1))
    expect(slideHeading('背景・課題', 2)).toBe('背景・課題（続き）')
    for (const s of sections) {
      expect(s.blocks.length).toBeLessThanOrEqual(5)
      expect(textOfSlide(s).replace(/\n/g, '').length).toBeLessThanOrEqual(BODY_MAX_CHARS)
    }
    // 標準: one slide per section; the whole text is in that slide's notes
    const standard = await buildDeckOutline(library, deck)
    const one = standard.slides.filter((s) => s.kind === 'section')
    expect(one.map((s) => s.kind === 'section' && s.heading)).toEqual([
      '背景・課題',
      '取り組みの内容',
    ])
    expect(one[0]!.notes!.replace(/\n/g, '')).toContain(long.replace(/\n/g, ''))
    expect(one[1]!.notes).toContain(huge)
  })

  it('shows Markdown as text: emphasis kept as bold, links as their words, raw HTML never', () => {
    const { blocks, table } = parseMarkdown(
      '**太字**と[リンク](javascript:alert(1))<script>alert(1)</script>\n\n- 項目1\n  - 入れ子\n\n### 小見出し\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    )
    expect(blocks[0]!.runs).toEqual([{ text: '太字', bold: true }, { text: 'とリンクalert(1)' }])
    expect(blocks.map((b) => [b.type, b.level ?? 0, plain(b.runs)])).toEqual([
      ['paragraph', 0, '太字とリンクalert(1)'],
      ['bullet', 0, '項目1'],
      ['bullet', 1, '入れ子'],
      ['heading', 0, '小見出し'],
    ])
    expect(table).toEqual({ columns: ['a', 'b'], rows: [['1', '2']] })
    expect(paginateBlocks([])).toEqual([])
  })

  it('puts the source and the chosen sections’ text in the notes, nothing else, and is plain JSON', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [
        { kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['summary', '協働のコツ'] },
      ],
    })
    const overview = outline.slides[2]!
    expect(overview.notes).toContain('事例ID: akiya-taisaku-kyotei')
    expect(overview.notes).toContain(
      'https://www.city.kasumino.example.jp/toshi/akiya/keikaku2.html',
    )
    const allNotes = outline.slides.map((s) => s.notes ?? '').join('\n')
    expect(allNotes).not.toContain('【苦労と教訓】') // not chosen: not in the handout either
    expect(outline.slides[3]!.notes).toContain('【協働のコツ】')
    expect(outline.slides[3]!.notes).toContain(
      '出典: 事例「宅建協会・NPOとの協定による空き家のワンストップ相談と利活用」',
    )
    expect(JSON.parse(JSON.stringify(outline))).toEqual(outline)
  })
})
