import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { fiscalYearWord } from '../../../common/fiscal-year-text'
import { runSearch } from '../../../main/cli/commands/search'
import { parseQuery } from '../../../main/core/search/query-parser'
import { copySample, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

async function idsFound(dir: string, query: string): Promise<string[]> {
  let stdout = ''
  const input = new PassThrough()
  input.end('')
  await runSearch(
    [dir, query, '--json', '--limit', '500'],
    { stdout: (t) => void (stdout += t), stderr: () => {} },
    input,
  )
  return (JSON.parse(stdout) as { hits: { id: string }[] }).hits.map((h) => h.id).sort()
}

describe('和暦 and 年度 words in the search box', () => {
  it('reads 令和5年度, R5年度, 2023年度, ｒ５ and 平成30年度 as year filters', () => {
    for (const word of ['令和5年度', 'R5年度', '2023年度', '令和5', 'ｒ５', '令和５年度'])
      expect(fiscalYearWord(word), word).toEqual({ from: 2023, to: 2023 })
    expect(fiscalYearWord('平成30年度')).toEqual({ from: 2018, to: 2018 })
    expect(fiscalYearWord('令和元年度')).toEqual({ from: 2019, to: 2019 })
  })

  it('reads ranges: 令和3〜5年度, R3-R5年度, 2021～2023年度', () => {
    for (const word of ['令和3〜5年度', 'R3-R5年度', '2021～2023年度', '令和3~令和5年度'])
      expect(fiscalYearWord(word), word).toEqual({ from: 2021, to: 2023 })
  })

  it('leaves ordinary words alone: 2023, 年度, 年度末, really, s1', () => {
    for (const word of ['2023', '年度', '年度末', 'really', 's1', 'r', '子ども'])
      expect(fiscalYearWord(word), word).toBeUndefined()
  })

  it('turns the word into a 年度 filter in the parsed query, other words staying words', () => {
    expect(parseQuery('防災 令和5年度').clauses).toEqual([
      { negated: false, atoms: [{ kind: 'term', text: '防災', phrase: false }] },
      {
        negated: false,
        atoms: [{ kind: 'filter', field: 'year', value: '令和5年度', from: 2023, to: 2023 }],
      },
    ])
  })

  it('finds exactly the cases of year:2023 for 令和5年度 in the sample library', async () => {
    const dir = await copySample(await temp.make())
    const expected = await idsFound(dir, 'year:2023')
    expect(expected.length).toBeGreaterThan(0)
    expect(await idsFound(dir, '令和5年度')).toEqual(expected)
    expect(await idsFound(dir, 'R5年度')).toEqual(expected)
    expect(await idsFound(dir, '令和3〜5年度')).toEqual(await idsFound(dir, 'year:2021-2023'))
  })
})
