// @vitest-environment node
// Pure logic: no DOM needed, and skipping jsdom keeps the suite quick.
import { describe, expect, it } from 'vitest'
import {
  facetsOf,
  foldText,
  matchesFilter,
  sortCases,
} from '../../../renderer/src/state/case-filter'
import { caseMeta } from '../fixtures'

const kodomo = caseMeta({
  id: 'kodomo-shokudo',
  title: 'ＮＰＯと進める子ども食堂',
  summary: 'フードバンクと連携した地域の食卓',
  partnerTypes: ['npo', 'community'],
  partners: [{ name: 'NPO法人かすみ野こども未来', type: 'npo', role: '食材の調達' }],
  department: '子育て支援課',
  area: '南部地区',
  fiscalYear: 2023,
  status: 'published',
  tags: ['子育て', '食'],
  updatedAt: '2024-05-01T00:00:00.000Z',
})
const bousai = caseMeta({
  id: 'bousai-kunren',
  title: '自治会との合同防災訓練',
  partnerTypes: ['community'],
  department: '危機管理課',
  fiscalYear: 2021,
  status: 'draft',
  tags: ['防災', '子育て'],
  updatedAt: '2025-01-10T00:00:00.000Z',
})
const akiya = caseMeta({
  id: 'akiya',
  title: '空き家バンク',
  partnerTypes: ['private'],
  department: '子育て支援課',
  fiscalYear: 2023,
  status: 'archived',
  updatedAt: '2023-03-01T00:00:00.000Z',
})
const cases = [kodomo, bousai, akiya]
const ids = (list: { id: string }[]) => list.map((c) => c.id)
const matching = (filter: Parameters<typeof matchesFilter>[1]) =>
  ids(cases.filter((c) => matchesFilter(c, filter)))

describe('foldText', () => {
  it('folds full-width Latin to lower-case ASCII', () => {
    expect(foldText('ＮＰＯ法人')).toBe('npo法人')
  })

  it('folds katakana (full- and half-width) to hiragana', () => {
    expect(foldText('カタカナ')).toBe('かたかな')
    expect(foldText('ｶﾀｶﾅ')).toBe('かたかな')
    expect(foldText('フードバンク')).toBe('ふーどばんく')
  })

  it('leaves kanji and hiragana as they are', () => {
    expect(foldText('子ども食堂')).toBe('子ども食堂')
  })
})

describe('matchesFilter', () => {
  it('matches everything with an empty filter', () => {
    expect(matching({})).toEqual(['kodomo-shokudo', 'bousai-kunren', 'akiya'])
  })

  it('filters by partner type', () => {
    expect(matching({ partnerType: 'community' })).toEqual(['kodomo-shokudo', 'bousai-kunren'])
  })

  it('filters by tag', () => {
    expect(matching({ tag: '防災' })).toEqual(['bousai-kunren'])
  })

  it('filters by fiscal year', () => {
    expect(matching({ years: [2023] })).toEqual(['kodomo-shokudo', 'akiya'])
  })

  it('accepts several 年度 at once, ORed within the group and ANDed with the rest', () => {
    const all = matching({})
    const both = matching({ years: [2021, 2023] })
    expect(both.length).toBeGreaterThan(matching({ years: [2023] }).length)
    expect(both.every((id) => all.includes(id))).toBe(true)
    expect(matching({ years: [2021, 2023], status: 'archived' })).toEqual(['akiya'])
  })

  it('filters by department', () => {
    expect(matching({ department: '危機管理課' })).toEqual(['bousai-kunren'])
  })

  it('filters by status', () => {
    expect(matching({ status: 'archived' })).toEqual(['akiya'])
  })

  it('combines facets with AND', () => {
    expect(matching({ department: '子育て支援課', years: [2023], status: 'published' })).toEqual([
      'kodomo-shokudo',
    ])
    expect(matching({ tag: '子育て', partnerType: 'private' })).toEqual([])
  })

  it('finds full-width ＮＰＯ when typing npo', () => {
    expect(matching({ text: 'npo' })).toEqual(['kodomo-shokudo'])
  })

  it('finds katakana when typing hiragana', () => {
    expect(matching({ text: 'ふーどばんく' })).toEqual(['kodomo-shokudo'])
  })

  it('requires every word of the text (AND), split on half- or full-width spaces', () => {
    expect(matching({ text: '子ども 食堂' })).toEqual(['kodomo-shokudo'])
    expect(matching({ text: '子ども　防災' })).toEqual([])
  })

  it('searches title, summary, department, area, tags, partner names and roles', () => {
    expect(matching({ text: '食卓' })).toEqual(['kodomo-shokudo'])
    expect(matching({ text: '危機管理' })).toEqual(['bousai-kunren'])
    expect(matching({ text: '南部' })).toEqual(['kodomo-shokudo'])
    expect(matching({ text: '防災' })).toEqual(['bousai-kunren'])
    expect(matching({ text: 'こども未来' })).toEqual(['kodomo-shokudo'])
    expect(matching({ text: '調達' })).toEqual(['kodomo-shokudo'])
  })

  it('ignores a whitespace-only text', () => {
    expect(matching({ text: '  　' })).toHaveLength(3)
  })
})

describe('facetsOf', () => {
  const facets = facetsOf(cases)

  it('counts cases per partner type', () => {
    expect(facets.partnerTypes).toEqual(
      expect.arrayContaining([
        { key: 'npo', count: 1 },
        { key: 'community', count: 2 },
        { key: 'private', count: 1 },
      ]),
    )
    expect(facets.partnerTypes).toHaveLength(3)
  })

  it('counts tags, most frequent first', () => {
    expect(facets.tags[0]).toEqual({ key: '子育て', count: 2 })
    expect(facets.tags).toHaveLength(3)
  })

  it('counts years, newest first', () => {
    expect(facets.years).toEqual([
      { key: 2023, count: 2 },
      { key: 2021, count: 1 },
    ])
  })

  it('counts departments, most frequent first', () => {
    expect(facets.departments).toEqual([
      { key: '子育て支援課', count: 2 },
      { key: '危機管理課', count: 1 },
    ])
  })

  it('counts statuses', () => {
    expect(facets.statuses).toEqual(
      expect.arrayContaining([
        { key: 'published', count: 1 },
        { key: 'draft', count: 1 },
        { key: 'archived', count: 1 },
      ]),
    )
  })

  it('leaves out cases without a year or department instead of counting undefined', () => {
    const bare = facetsOf([caseMeta()])
    expect(bare.years).toEqual([])
    expect(bare.departments).toEqual([])
    expect(bare.tags).toEqual([])
  })
})

describe('sortCases', () => {
  it('sorts by last update, newest first', () => {
    expect(ids(sortCases(cases, 'updated'))).toEqual(['bousai-kunren', 'kodomo-shokudo', 'akiya'])
  })

  it('sorts by fiscal year, newest first, then by title', () => {
    const list = [
      caseMeta({ id: 'old', title: 'あおぞら', fiscalYear: 2019 }),
      caseMeta({ id: 'new-ka', title: 'かえで', fiscalYear: 2024 }),
      caseMeta({ id: 'new-a', title: 'あさひ', fiscalYear: 2024 }),
    ]
    expect(ids(sortCases(list, 'year'))).toEqual(['new-a', 'new-ka', 'old'])
  })

  it('puts cases without a year last', () => {
    const undated = caseMeta({ id: 'undated', title: 'あ' })
    expect(ids(sortCases([undated, ...cases], 'year')).at(-1)).toBe('undated')
  })

  it('sorts by title in Japanese order', () => {
    const list = [
      caseMeta({ id: 'c', title: 'さくら' }),
      caseMeta({ id: 'a', title: 'あおぞら' }),
      caseMeta({ id: 'b', title: 'かえで' }),
    ]
    expect(ids(sortCases(list, 'title'))).toEqual(['a', 'b', 'c'])
  })

  it('returns a new array and leaves the input order alone', () => {
    const input = [...cases]
    const sorted = sortCases(input, 'updated')
    expect(sorted).not.toBe(input)
    expect(ids(input)).toEqual(['kodomo-shokudo', 'bousai-kunren', 'akiya'])
  })
})
