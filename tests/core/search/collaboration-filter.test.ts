import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CaseDoc, CollaborationCheck } from '../../../common/model'
import { parseElementRange } from '../../../main/core/search/collaboration-filter'
import { normalizeText } from '../../../main/core/search/normalize'
import { parseQuery } from '../../../main/core/search/query-parser'
import { writeDocumentsIndex } from '../../../main/core/search/index-build'
import { readIndexFile } from '../../../main/core/search/index-file'
import { SearchEngine } from '../../../main/core/search/search-engine'
import { toSearchDocument } from '../../../main/core/search/search-document'
import { useTempFolders } from '../../helpers/temp-library'
import { DEFAULT_SYNONYMS, caseDoc } from './case-factory'

const check = (o: number, p: number, g: number, a: number): CollaborationCheck => ({
  ownership: { score: o },
  problem: { score: p },
  goal: { score: g },
  action: { score: a },
})

const LIBRARY: CaseDoc[] = [
  caseDoc('full', { collaboration: check(5, 4, 4, 5), title: '河川清掃' }),
  caseDoc('nominal', { collaboration: check(1, 3, 2, 4), title: '名義後援のイベント' }),
  caseDoc('mixed', { collaboration: check(4, 5, 3, 4), title: '河川の調査' }),
  caseDoc('partial', { collaboration: { ownership: { score: 5, note: '自ら提案' } } }),
  caseDoc('unchecked'),
]
const temp = useTempFolders()
const engine = SearchEngine.build(LIBRARY, { synonyms: DEFAULT_SYNONYMS })
const ids = (query: string) => [...engine.query(query).ids].sort()
const range = (value: string) => parseElementRange(normalizeText(value))

describe('協働の4要素 filter', () => {
  it('reads element, comparison and score, in English and Japanese, full-width too', () => {
    expect(range('ownership>=4')).toEqual({ element: 'ownership', min: 4, max: 5 })
    expect(range('主体性<=2')).toEqual({ element: 'ownership', min: 1, max: 2 })
    expect(range('ともに主体的に>3')).toEqual({ element: 'ownership', min: 4, max: 5 })
    expect(range('課題に向き合う<3')).toEqual({ element: 'problem', min: 1, max: 2 })
    expect(range('目標に共感する=3')).toEqual({ element: 'goal', min: 3, max: 3 })
    expect(range('トモニ取り組む≥5')).toEqual({ element: 'action', min: 5, max: 5 })
    expect(range('ｏｗｎｅｒｓｈｉｐ＞＝４')).toEqual({ element: 'ownership', min: 4, max: 5 })
    expect(range('すべて>=4')).toEqual({ element: 'all', min: 4, max: 5 })
    expect(range('goal')).toEqual({ element: 'goal', min: 4, max: 5 })
  })

  it('reads unknown elements and scores outside 1–5 as matching nothing', () => {
    for (const value of ['kindness>=4', 'ownership>=9', 'ownership>=', '']) {
      expect(range(value).min).toBeNaN()
    }
    expect(ids('elem:kindness>=4')).toEqual([])
  })

  it('is parsed as a filter under elem:, element:, 要素: and 4要素:', () => {
    for (const name of ['elem', 'element', '要素', '4要素', 'ＥＬＥＭ']) {
      expect(parseQuery(`${name}:ownership>=4`).clauses[0]!.atoms[0]).toMatchObject({
        kind: 'filter',
        field: 'elem',
        range: { element: 'ownership', min: 4, max: 5 },
      })
    }
  })

  it('finds the cases strong on one element, and never an unscored one', () => {
    expect(ids('elem:ownership>=4')).toEqual(['full', 'mixed', 'partial'])
    expect(ids('要素:目標<=2')).toEqual(['nominal'])
    expect(ids('elem:problem>=4')).toEqual(['full', 'mixed'])
  })

  it('all>=4 needs every element scored 4 or more', () => {
    expect(ids('elem:all>=4')).toEqual(['full'])
    expect(ids('要素:すべて')).toEqual(['full'])
  })

  it('combines with words, OR and exclusion', () => {
    expect(ids('河川 elem:all>=4')).toEqual(['full'])
    expect(ids('河川 -elem:all>=4')).toEqual(['mixed'])
    expect(ids('elem:all>=4 OR elem:ownership<=2')).toEqual(['full', 'nominal'])
  })

  it('answers the same after a round trip through the index file (warm open)', async () => {
    const folder = await temp.make()
    const file = join(folder, 'index.kbix')
    await writeDocumentsIndex(file, folder, LIBRARY.map(toSearchDocument), {})
    const loaded = (await readIndexFile(file, folder))!
    try {
      const warm = SearchEngine.fromIndexFile(loaded, { synonyms: DEFAULT_SYNONYMS })
      expect([...warm.query('elem:all>=4').ids]).toEqual(['full'])
      expect([...warm.query('elem:ownership<=2').ids]).toEqual(['nominal'])
    } finally {
      loaded.bodies.close()
    }
  })

  it('ignores an index file written before the scores were stored, so it is rebuilt', async () => {
    const folder = await temp.make()
    const file = join(folder, 'index.kbix')
    const old = LIBRARY.map(toSearchDocument).map((d) => ({
      ...d,
      filter: { ...d.filter, elements: undefined as unknown as number[] },
    }))
    await writeDocumentsIndex(file, folder, old, {})
    expect(await readIndexFile(file, folder)).toBeNull()
  })

  it('follows a case whose check changes', () => {
    const e = SearchEngine.build(LIBRARY, { synonyms: DEFAULT_SYNONYMS })
    e.upsert(caseDoc('unchecked', { collaboration: check(4, 4, 4, 4) }))
    expect([...e.query('elem:all>=4').ids].sort()).toEqual(['full', 'unchecked'])
  })
})
