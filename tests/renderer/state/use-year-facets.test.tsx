import { renderHook, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SearchFacets, SearchResult } from '../../../common/model'
import { useYearFacets } from '../../../renderer/src/state/use-year-facets'
import { createApiMock, ok } from '../decks/api-mock'
import { caseMeta } from '../fixtures'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('../decks/api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const CASES = [
  caseMeta({ id: 'a', fiscalYear: 2022 }),
  caseMeta({ id: 'b', fiscalYear: 2022 }),
  caseMeta({ id: 'c', fiscalYear: 2023 }),
]
const VERSION = {}
const noFacets: SearchFacets = {
  partnerTypes: [],
  tags: [],
  years: [],
  departments: [],
  statuses: [],
  forms: [],
  areas: [],
}
const answer = (years: SearchFacets['years']): SearchResult => ({
  total: 0,
  hits: [],
  ids: [],
  facets: { ...noFacets, years },
  ms: 1,
})

beforeEach(() => mock.current.reset())

describe('useYearFacets: the 年度 counts while 年度 are chosen (ORed within the group)', () => {
  it('is null and asks nothing while no 年度 is chosen', async () => {
    vi.useFakeTimers()
    try {
      const { result } = renderHook(() => useYearFacets({ tag: '防災' }, CASES, VERSION))
      // Well past the search's debounce.
      await vi.advanceTimersByTimeAsync(5_000)
      expect(result.current).toBeNull()
      expect(mock.current.calls('search.query')).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts every 年度 of the library when nothing else filters, so 2023 stays beside a chosen 2022', () => {
    const { result } = renderHook(() => useYearFacets({ years: [2022] }, CASES, VERSION))
    expect(result.current).toEqual(
      expect.arrayContaining([
        { key: '2022', count: 2 },
        { key: '2023', count: 1 },
      ]),
    )
  })

  it('takes the counts from the same search without the 年度 clause', async () => {
    mock.current.answer('search.query', () =>
      ok(
        answer([
          { key: '2023', count: 4 },
          { key: '2022', count: 3 },
        ]),
      ),
    )
    const { result } = renderHook(() =>
      useYearFacets({ tag: '防災', years: [2022] }, CASES, VERSION),
    )
    expect(result.current).toBeNull()
    await waitFor(() => expect(result.current).not.toBeNull())
    expect(result.current).toEqual([
      { key: '2023', count: 4 },
      { key: '2022', count: 3 },
    ])
    expect(mock.current.calls('search.query').map(([query]) => query)).toEqual(['tag:防災'])
  })
})
