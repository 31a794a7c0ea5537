import { describe, expect, it } from 'vitest'
import { SearchEngine } from '../../../main/core/search/search-engine'
import { DEFAULT_SYNONYMS, caseDoc, longFiller } from './case-factory'

/**
 * The evaluator trusts the n-gram postings as proof for one- and two-character spellings and
 * scans text only for longer ones; these cases pin down that exclusions and synonym groups mixing
 * short and long spellings still match exactly.
 */
describe('SearchEngine index shortcuts', () => {
  const docs = [
    caseDoc('a', { title: '防災の集い' }, `${longFiller(1)}訓練をしました`),
    caseDoc('b', { title: '防災の集い', summary: '訓練の記録' }, longFiller(2)),
    caseDoc('c', { title: '防災の集い' }, `${longFiller(3)}訓と練`),
    caseDoc('d', { title: '交流会' }, `${longFiller(4)}子供の居場所`),
    caseDoc('e', { title: '交流会' }, `${longFiller(5)}こどもの居場所`),
    caseDoc('f', { title: '交流会' }, `${longFiller(6)}こど もの居場所`),
    caseDoc('g', { title: '交流会', tags: ['子ども'] }, longFiller(7)),
  ]
  const engine = SearchEngine.build(docs, { synonyms: DEFAULT_SYNONYMS })
  const ids = (q: string) => [...engine.query(q).ids].sort()

  it('excludes a two-character word wherever it occurs, and only there', () => {
    expect(ids('防災 -訓練')).toEqual(['c'])
  })

  it('excludes a longer word only where it occurs as a whole', () => {
    expect(ids('防災 -をしました')).toEqual(['b', 'c'])
    expect(ids('防災 -訓練の記録')).toEqual(['a', 'c'])
  })

  it('matches a synonym group mixing two- and three-character spellings', () => {
    expect(ids('子ども')).toEqual(['d', 'e', 'g'])
    expect(ids('交流会 -子ども')).toEqual(['f'])
  })
})
