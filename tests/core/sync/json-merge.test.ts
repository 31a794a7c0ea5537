import { describe, expect, it } from 'vitest'
import { CASE_JSON_RULES, mergeJson } from '../../../main/core/sync/json-merge'

const base = {
  id: 'x',
  title: '元の題',
  tags: ['防災', '子ども'],
  period: { start: '2024-04', end: null },
  revision: 3,
  updatedAt: '2025-01-01T00:00:00.000Z',
}

describe('mergeJson (case.json, library.json, decks, paths)', () => {
  it('takes a change made on one side only, field by field, nested objects too', () => {
    const ours = { ...base, title: '新しい題', revision: 4, updatedAt: '2025-02-01T00:00:00.000Z' }
    const theirs = { ...base, period: { start: '2024-04', end: '2025-03' }, revision: 4 }
    const result = mergeJson(base, ours, theirs, CASE_JSON_RULES)
    expect(result.conflicts).toEqual([])
    expect(result.value).toMatchObject({ title: '新しい題', period: { end: '2025-03' } })
  })

  it('merges lists of values as sets: additions and removals from both sides', () => {
    const ours = { ...base, tags: ['防災', '高齢者'] }
    const theirs = { ...base, tags: ['子ども', '防災', '環境'] }
    expect(mergeJson(base, ours, theirs).value).toMatchObject({ tags: ['防災', '高齢者', '環境'] })
    const removedBoth = mergeJson(
      base,
      { ...base, tags: ['防災'] },
      { ...base, tags: ['防災', '福祉'] },
    )
    expect(removedBoth.value).toMatchObject({ tags: ['防災', '福祉'] })
  })

  it('sets revision to the larger side plus one and updatedAt to the later side', () => {
    const ours = { ...base, title: 'A', revision: 5, updatedAt: '2025-03-01T00:00:00.000Z' }
    const theirs = { ...base, tags: ['防災'], revision: 7, updatedAt: '2025-02-01T00:00:00.000Z' }
    const result = mergeJson(base, ours, theirs, CASE_JSON_RULES)
    expect(result.value).toMatchObject({ revision: 8, updatedAt: '2025-03-01T00:00:00.000Z' })
    expect(result.conflicts).toEqual([])
  })

  it('reports a field changed differently on both sides and keeps the local value', () => {
    const ours = { ...base, title: 'A の題', period: { start: '2024-05', end: null } }
    const theirs = { ...base, title: 'B の題', period: { start: '2024-06', end: null } }
    const result = mergeJson(base, ours, theirs, CASE_JSON_RULES)
    expect(result.conflicts).toEqual(['title', 'period.start'])
    expect(result.value).toMatchObject({ title: 'A の題', period: { start: '2024-05' } })
  })

  it('treats lists of objects (partners, outcomes, deck items) as one value', () => {
    const b = { items: [{ kind: 'text', title: '1' }] }
    const o = { items: [{ kind: 'text', title: '1A' }] }
    const t = { items: [{ kind: 'text', title: '1B' }] }
    expect(mergeJson(b, o, t).conflicts).toEqual(['items'])
    expect(mergeJson(b, o, b).value).toEqual(o)
  })

  it('applies a field deleted on one side', () => {
    const withoutTitle: Record<string, unknown> = { ...base }
    delete withoutTitle.title
    expect(mergeJson(base, withoutTitle, { ...base, tags: [] }).value).toEqual({
      ...withoutTitle,
      tags: [],
    })
  })
})
