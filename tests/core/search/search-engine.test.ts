import { describe, expect, it } from 'vitest'
import type { CaseDoc, TextSegment } from '../../../common/model'
import { SearchEngine } from '../../../main/core/search/search-engine'
import { DEFAULT_SYNONYMS, caseDoc, longFiller } from './case-factory'

const engineOf = (docs: CaseDoc[]) => SearchEngine.build(docs, { synonyms: DEFAULT_SYNONYMS })
const ids = (engine: SearchEngine, query: string) => [...engine.query(query).ids].sort()
const text = (segments: TextSegment[]) => segments.map((s) => s.text).join('')

const LIBRARY: CaseDoc[] = [
  caseDoc(
    'bosai',
    {
      title: '自主防災組織と進める避難所運営訓練',
      tags: ['防災', '地域'],
      partnerTypes: ['community'],
      partners: [{ name: '南町自治会', type: 'community', role: '訓練の運営' }],
      department: '防災危機管理課',
      area: '南部地区',
      fiscalYear: 2023,
      status: 'published',
      forms: ['共催'],
      summary: '自治会と市が共催で避難所運営訓練を行った。',
    },
    `## 背景・課題\n\n${longFiller(1)}\n\n防災訓練には住民120人が参加しました。`,
  ),
  caseDoc(
    'kodomo',
    {
      title: '子ども食堂ネットワークの立ち上げ',
      tags: ['子育て', '食'],
      partnerTypes: ['npo'],
      partners: [{ name: 'NPO法人こども未来ネット', type: 'npo', role: '運営' }],
      department: '子育て支援課',
      area: '中央地区',
      fiscalYear: 2019,
      status: 'draft',
      forms: ['補助'],
      summary: 'ＮＰＯが呼びかけたネットワークを市が補助で支えた。',
    },
    `${longFiller(2)}子供の居場所として町内会館を使いました。ﾎﾞﾗﾝﾃｨｱが調理を担当。`,
  ),
  caseDoc(
    'kankyo',
    {
      title: '企業と進める河川清掃',
      tags: ['環境'],
      partnerTypes: ['private'],
      department: '環境政策課',
      area: '北部地区',
      fiscalYear: 2018,
      status: 'archived',
      forms: ['事業協力・協定'],
    },
    `${longFiller(3)}清掃活動は年4回、延べ300人。コンピューターで参加者を管理しました。森`,
  ),
]

describe('SearchEngine matching', () => {
  const engine = engineOf(LIBRARY)

  it('ANDs words: every word must occur', () => {
    expect(ids(engine, '防災 訓練')).toEqual(['bosai'])
    expect(ids(engine, '防災 清掃')).toEqual([])
  })

  it('matches a "phrase" only as that exact sequence', () => {
    expect(ids(engine, '"防災訓練には"')).toEqual(['bosai'])
    expect(ids(engine, '"訓練防災"')).toEqual([])
  })

  it('OR matches either side', () => {
    expect(ids(engine, '清掃 OR 避難所')).toEqual(['bosai', 'kankyo'])
  })

  it('-word excludes the cases containing it', () => {
    expect(ids(engine, '地域 -防災')).toEqual(['kankyo', 'kodomo'])
  })

  it('filters by type:, tag:, dept:, area:, status:, form:', () => {
    expect(ids(engine, 'type:npo')).toEqual(['kodomo'])
    expect(ids(engine, 'tag:防災')).toEqual(['bosai'])
    expect(ids(engine, 'dept:環境')).toEqual(['kankyo'])
    expect(ids(engine, 'area:北部')).toEqual(['kankyo'])
    expect(ids(engine, 'status:draft')).toEqual(['kodomo'])
    expect(ids(engine, 'form:共催')).toEqual(['bosai'])
    expect(ids(engine, 'form:協定')).toEqual(['kankyo'])
    expect(ids(engine, '-status:archived')).toEqual(['bosai', 'kodomo'])
  })

  it('filters by 年度 written as 2023, R5 or 令和5, and H30 / 平成30', () => {
    for (const q of ['year:2023', 'year:R5', 'year:令和5', 'year:令和5年度'])
      expect(ids(engine, q)).toEqual(['bosai'])
    for (const q of ['year:H30', 'year:平成30']) expect(ids(engine, q)).toEqual(['kankyo'])
    expect(ids(engine, 'year:2018-2019')).toEqual(['kankyo', 'kodomo'])
  })

  it('finds two-character and one-character words anywhere in a 3,000-character body', () => {
    expect(LIBRARY[2]!.body.length).toBeGreaterThan(3000)
    expect(ids(engine, '森')).toEqual(['kankyo'])
    expect(ids(engine, '延べ')).toEqual(['kankyo'])
    expect(ids(engine, '調理')).toEqual(['kodomo'])
  })

  it('matches across width, script and long-vowel variants', () => {
    expect(ids(engine, 'ボランティア')).toEqual(['kodomo'])
    expect(ids(engine, 'ぼらんてぃあ')).toEqual(['kodomo'])
    expect(ids(engine, 'npo')).toEqual(['kodomo'])
    expect(ids(engine, 'ｺﾝﾋﾟｭｰﾀ')).toEqual(['kankyo'])
    expect(ids(engine, '３００人')).toEqual(['kankyo'])
  })

  it('applies synonyms: 子ども/子供/こども and 自治会/町内会', () => {
    expect(ids(engine, '子供')).toEqual(['kodomo'])
    expect(ids(engine, 'こども')).toEqual(['kodomo'])
    expect(ids(engine, '町内会')).toEqual(['bosai', 'kodomo'])
    expect(ids(engine, 'tag:子供')).toEqual([])
    engine.setSynonyms([['食', 'ごはん']])
    expect(ids(engine, 'tag:ごはん')).toEqual(['kodomo'])
    expect(ids(engine, '町内会')).toEqual(['kodomo'])
    engine.setSynonyms(DEFAULT_SYNONYMS)
  })

  it('finds a title despite a typo (fuzzy, ranked after exact hits)', () => {
    const result = engine.query('子ども食道')
    expect(result.ids[0]).toBe('kodomo')
    expect(engine.query('河川清扫').ids).toContain('kankyo')
  })
})

describe('SearchEngine ranking', () => {
  it('ranks a title match above a body-only match', () => {
    const engine = engineOf([
      caseDoc('in-body', { title: '地域の取り組み' }, `${longFiller()}空き家の相談会。`),
      caseDoc('in-title', { title: '空き家バンクの立ち上げ' }, longFiller(5)),
    ])
    expect(engine.query('空き家').ids).toEqual(['in-title', 'in-body'])
  })

  it('boosts recent 年度 when everything else is equal', () => {
    const engine = engineOf([
      caseDoc('old', { title: '防災訓練', fiscalYear: 2012 }, longFiller()),
      caseDoc('new', { title: '防災訓練', fiscalYear: 2024 }, longFiller()),
    ])
    const result = engine.query('防災')
    expect(result.ids).toEqual(['new', 'old'])
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score)
  })

  it('sorts by 年度 or by update time on request, and pages with offset and limit', () => {
    const engine = engineOf([
      caseDoc('a', { fiscalYear: 2020, updatedAt: '2025-01-03T00:00:00.000Z' }),
      caseDoc('b', { fiscalYear: 2024, updatedAt: '2025-01-01T00:00:00.000Z' }),
      caseDoc('c', { fiscalYear: 2022, updatedAt: '2025-01-02T00:00:00.000Z' }),
    ])
    expect(engine.query('', { sort: 'year' }).ids).toEqual(['b', 'c', 'a'])
    expect(engine.query('', { sort: 'updated' }).ids).toEqual(['a', 'c', 'b'])
    const page = engine.query('', { sort: 'updated', offset: 1, limit: 1 })
    expect(page.total).toBe(3)
    expect(page.hits.map((h) => h.id)).toEqual(['c'])
  })
})

describe('SearchEngine results', () => {
  const engine = engineOf(LIBRARY)

  it('counts facets over every matching case, following the query', () => {
    const all = engine.query('', { limit: 1 }).facets
    expect(all.partnerTypes).toEqual(
      expect.arrayContaining([
        { key: 'community', count: 1 },
        { key: 'npo', count: 1 },
      ]),
    )
    expect(all.years.map((y) => y.key)).toEqual(['2023', '2019', '2018'])
    const some = engine.query('地域 -防災').facets
    expect(some.statuses).toEqual([
      { key: 'archived', count: 1 },
      { key: 'draft', count: 1 },
    ])
    expect(some.tags.find((t) => t.key === '防災')).toBeUndefined()
    expect(some.departments.map((d) => d.key).sort()).toEqual(['子育て支援課', '環境政策課'])
    expect(some.areas).toHaveLength(2)
    expect(some.forms).toHaveLength(2)
  })

  it('returns snippets as segments whose text is an exact excerpt of the original, matches flagged', () => {
    const hit = engine.query('ﾎﾞﾗﾝﾃｨｱ 子供').hits[0]!
    expect(hit.snippets.length).toBeGreaterThan(0)
    for (const snippet of hit.snippets) {
      expect(
        LIBRARY[1]!.body.includes(text(snippet)) ||
          LIBRARY[1]!.meta.summary!.includes(text(snippet)),
      ).toBe(true)
    }
    const marked = hit.snippets
      .flat()
      .filter((s) => s.match)
      .map((s) => s.text)
    expect(marked).toEqual(expect.arrayContaining(['子供', 'ﾎﾞﾗﾝﾃｨｱ']))
    expect(text(hit.titleSegments)).toBe(LIBRARY[1]!.meta.title)
    expect(hit.titleSegments.find((s) => s.match)?.text).toBe('子ども')
  })

  it('highlights the original spelling even when normalisation changed lengths', () => {
    const hit = engine.query('コンピュータ').hits[0]!
    const match = hit.snippets.flat().find((s) => s.match)
    expect(match?.text).toBe('コンピュータ')
  })

  it('gives cases found by filters alone an unmarked opening passage', () => {
    const hit = engine.query('type:private').hits[0]!
    expect(hit.snippets).toHaveLength(1)
    expect(hit.snippets[0]!.every((s) => !s.match)).toBe(true)
  })
})

describe('SearchEngine lifecycle', () => {
  it('adds, replaces and removes cases incrementally', () => {
    const engine = engineOf(LIBRARY)
    expect(engine.size).toBe(3)
    engine.upsert(caseDoc('new', { title: '新しい里山保全' }))
    expect(ids(engine, '里山')).toEqual(['new'])
    engine.upsert(caseDoc('new', { title: '新しい海岸清掃' }))
    expect(ids(engine, '里山')).toEqual([])
    expect(ids(engine, '海岸')).toEqual(['new'])
    expect(engine.size).toBe(4)
    engine.remove('new')
    expect(ids(engine, '海岸')).toEqual([])
    expect(engine.size).toBe(3)
    engine.remove('kankyo')
    expect(ids(engine, '清掃')).toEqual([])
  })

  it('keeps answering correctly after many replacements (compaction)', () => {
    const engine = engineOf([])
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 50; i++)
        engine.upsert(caseDoc(`c${i}`, { title: `第${round}回 会議 ${i}` }))
    }
    expect(engine.size).toBe(50)
    expect(engine.query('第4回').total).toBe(50)
    // A phrase, because a plain word with no exact match would bring in typo matches (第4回).
    expect(engine.query('"第3回"').total).toBe(0)
  })

  it('answers after replacements, removals and compaction exactly as an engine built afresh', () => {
    const version = (i: number, round: number) =>
      caseDoc(`c${i}`, {
        title: `第${round}回 会議 ${i}`,
        tags: [`タグ${(i + round) % 4}`],
        department: `課${i % 3}`,
        fiscalYear: 2015 + ((i * round) % 9),
        summary: round % 2 ? '防災の会議' : '子育ての会議',
      })
    const engine = engineOf([])
    const latest = new Map<number, CaseDoc>()
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 40; i++) {
        if ((i + round) % 7 === 0) {
          engine.remove(`c${i}`)
          latest.delete(i)
        } else {
          engine.upsert(version(i, round))
          latest.set(i, version(i, round))
        }
      }
    }
    const fresh = engineOf([...latest.values()])
    for (const query of ['会議', '防災', '第3回', 'tag:タグ1', '']) {
      const a = engine.query(query, { limit: 100 })
      const b = fresh.query(query, { limit: 100 })
      expect(a.ids, query).toEqual(b.ids)
      expect(a.facets, query).toEqual(b.facets)
      expect(
        a.hits.map((h) => h.snippets),
        query,
      ).toEqual(b.hits.map((h) => h.snippets))
    }
  })
})
