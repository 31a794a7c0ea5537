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
  it('starts with a title slide and gives each case an overview with chips, 年度 and 和暦, department and summary', async () => {
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
    expect(overviews[0]!.kind === 'case-overview' && overviews[0]!.summary).toMatch(
      /^北部地区の古い住宅団地/,
    )
    expect(outline.slides[outline.slides.length - 1]).toMatchObject({
      kind: 'text',
      title: '新時代の公務に必要なこと',
    })
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
      'case-overview',
      'photos',
      'section',
      'table',
      'outcomes',
    ])
    // summary not chosen: the overview has no summary, and the summary moves to the notes
    expect(outline.slides[1]).not.toHaveProperty('summary')
    expect(outline.slides[1]!.notes).toMatch(/概要: /)

    const none = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [{ kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['photos'] }], // no image attachments
    })
    expect(none.slides.map((s) => s.kind)).toEqual(['title', 'case-overview'])
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

  it('splits long sections across continuation slides, none over the layout budget', async () => {
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
    const outline = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [{ kind: 'case', caseId: doc.meta.id, sections: ['背景・課題', '取り組みの内容'] }],
    })
    const sections = outline.slides.filter((s) => s.kind === 'section')
    const background = sections.filter((s) => s.heading === '背景・課題')
    expect(background.length).toBeGreaterThan(2)
    expect(background.map((s) => s.part)).toEqual(background.map((_, i) => i + 1))
    expect(slideHeading('背景・課題', 2)).toBe('背景・課題（続き）')
    expect(sections.filter((s) => s.heading === '取り組みの内容').length).toBeGreaterThan(2)
    for (const s of sections)
      expect(textOfSlide(s).replace(/\n/g, '').length).toBeLessThanOrEqual(BODY_MAX_CHARS)
    // nothing lost in the split
    expect(background.map(textOfSlide).join('\n').replace(/\n/g, '')).toBe(long.replace(/\n/g, ''))
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

  it('puts the source and the remaining detail in the notes, and is plain JSON', async () => {
    const library = await sampleLibrary(temp)
    const outline = await buildDeckOutline(library, {
      schema: 1,
      id: 'd',
      title: 't',
      items: [
        { kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['summary', '協働のコツ'] },
      ],
    })
    const overview = outline.slides[1]!
    expect(overview.notes).toContain('事例ID: akiya-taisaku-kyotei')
    expect(overview.notes).toContain(
      'https://www.city.kasumino.example.jp/toshi/akiya/keikaku2.html',
    )
    expect(overview.notes).toContain('【苦労と教訓】')
    expect(overview.notes).not.toContain('【協働のコツ】')
    expect(outline.slides[2]!.notes).toContain(
      '出典: 事例「宅建協会・NPOとの協定による空き家のワンストップ相談と利活用」',
    )
    expect(JSON.parse(JSON.stringify(outline))).toEqual(outline)
  })
})
