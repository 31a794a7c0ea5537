import { describe, expect, it } from 'vitest'
import { parseFiscalYearRange } from '../../../main/core/search/fiscal-year-query'
import { parseQuery } from '../../../main/core/search/query-parser'

describe('parseQuery', () => {
  it('ANDs words, keeps phrases whole and normalises both', () => {
    expect(parseQuery('防災  ボランティア "地域の 課題"').clauses).toEqual([
      { negated: false, atoms: [{ kind: 'term', text: '防災', phrase: false }] },
      { negated: false, atoms: [{ kind: 'term', text: 'ぼらんてぃあ', phrase: false }] },
      { negated: false, atoms: [{ kind: 'term', text: '地域の 課題', phrase: true }] },
    ])
  })

  it('joins the items around OR into one clause and reads -word as an exclusion', () => {
    const { clauses } = parseQuery('防災 OR 減災 -訓練')
    expect(clauses).toHaveLength(2)
    expect(clauses[0]!.atoms.map((a) => a.kind === 'term' && a.text)).toEqual(['防災', '減災'])
    expect(clauses[1]).toMatchObject({ negated: true, atoms: [{ text: '訓練' }] })
  })

  it('reads field filters, in full-width too, and leaves unknown prefixes as words', () => {
    const { clauses } = parseQuery('ｔａｇ：防災 type:NPO 10:00 tag:"まち づくり"')
    expect(clauses.map((c) => c.atoms[0])).toEqual([
      { kind: 'filter', field: 'tag', value: '防災' },
      { kind: 'filter', field: 'type', value: 'npo' },
      { kind: 'term', text: '10:00', phrase: false },
      { kind: 'filter', field: 'tag', value: 'まち づくり' },
    ])
  })

  it('reads 年度 as 2023, R5, 令和5, H30, 平成30, 令和元 and ranges', () => {
    for (const [text, year] of [
      ['2023', 2023],
      ['r5', 2023],
      ['令和5', 2023],
      ['令和5年度', 2023],
      ['h30', 2018],
      ['平成30', 2018],
      ['令和元', 2019],
    ] as const) {
      expect(parseFiscalYearRange(text)).toEqual({ from: year, to: year })
    }
    expect(parseFiscalYearRange('2020-2022')).toEqual({ from: 2020, to: 2022 })
    expect(parseFiscalYearRange('きのう')).toBeUndefined()
  })
})
