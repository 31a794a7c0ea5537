// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { composeQuery } from '../../../common/search/query-syntax'
import { filterFromQuery } from '../../../renderer/src/state/filter-from-query'

describe('filterFromQuery: chart links become chips, not raw syntax in the box', () => {
  it('takes a chart link apart into filters with no words left', () => {
    expect(filterFromQuery('type:academia year:2017')).toEqual({
      partnerType: 'academia',
      years: [2017],
    })
    expect(filterFromQuery('type:npo form:共催')).toEqual({ partnerType: 'npo', form: '共催' })
    expect(filterFromQuery('dept:"教育委員会 生涯学習課"')).toEqual({
      department: '教育委員会 生涯学習課',
    })
  })

  it('keeps the words for the box and reads ORed years as the 年度 group', () => {
    expect(filterFromQuery('防災 訓練 year:2021 OR year:2023 tag:防災')).toEqual({
      text: '防災 訓練',
      years: [2021, 2023],
      tag: '防災',
    })
  })

  it('leaves what chips cannot say in the words: negations, ORs, ranges, elem:', () => {
    for (const query of ['-type:npo', 'type:npo OR type:private', 'year:2020-2023', 'elem:all>=4'])
      expect(filterFromQuery(query)).toEqual({ text: query })
  })

  it('turns a partner-type label into its key, when it names one type only', () => {
    const types = [
      { key: 'academia', ja: '大学・学生', en: 'Universities and students', color: '#000' },
      { key: 'npo', ja: 'NPO・市民活動', en: 'NPOs', color: '#000' },
    ]
    expect(filterFromQuery('type:大学', types)).toEqual({ partnerType: 'academia' })
    expect(filterFromQuery('type:銀行', types)).toEqual({ text: 'type:銀行' })
  })

  it('round-trips what the app writes', () => {
    const filter = {
      text: '子ども',
      partnerType: 'npo',
      years: [2022, 2023],
      department: '子育て 支援課',
    }
    expect(filterFromQuery(composeQuery(filter))).toEqual(filter)
  })
})
