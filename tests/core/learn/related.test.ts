import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDoc } from '../../../common/model'
import { relatedCases, type RelatedReason } from '../../../common/learn/related'
import { relatedToCase } from '../../../main/core/learn/related'
import { openLibrary, type Library } from '../../../main/core/library'
import { caseMeta, copySample, makeTempFolder, removeFolder } from './fixtures'

const kinds = (reasons: RelatedReason[]) => reasons.map((r) => r.kind)

describe('relatedCases', () => {
  const target = caseMeta('target', {
    title: '自主防災組織と進める避難所運営訓練',
    partnerTypes: ['community', 'public'],
    tags: ['防災', '避難所', '自治会'],
    related: ['linked-out'],
  })
  const all = [
    { meta: target },
    caseMeta('linked-out', { partnerTypes: ['private'], title: '商店街のイベント' }),
    caseMeta('linked-in', { partnerTypes: ['academia'], title: '大学の講座', related: ['target'] }),
    caseMeta('same-type', { partnerTypes: ['community'], title: '花壇の手入れ' }),
    caseMeta('tags', { partnerTypes: ['npo'], title: '防災マップ', tags: ['防災', '避難所'] }),
    caseMeta('similar', {
      partnerTypes: ['npo'],
      title: '自主防災組織と進める避難所運営訓練の振り返り',
      summary: '避難所運営訓練',
    }),
    caseMeta('unrelated', { partnerTypes: ['interdepartment'], title: '電子申請の導入' }),
  ].map((meta) => ('meta' in meta ? meta : { meta }))

  it('puts explicit links first, in both directions, then the rest by score', () => {
    const result = relatedCases({ meta: target }, all, { limit: 10 })
    expect(
      result
        .slice(0, 2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['linked-in', 'linked-out'])
    for (const r of result.slice(0, 2)) expect(r.reasons[0]).toEqual({ kind: 'explicit' })
    for (const r of result.slice(2)) expect(kinds(r.reasons)).not.toContain('explicit')
    const rest = result.slice(2).map((r) => r.score)
    expect(rest).toEqual([...rest].sort((a, b) => b - a))
    expect(Math.min(...result.slice(0, 2).map((r) => r.score))).toBeGreaterThan(Math.max(...rest))
  })

  it('explains each case with the right reasons', () => {
    const byId = new Map(relatedCases({ meta: target }, all, { limit: 10 }).map((r) => [r.id, r]))
    expect(byId.get('same-type')!.reasons).toEqual([{ kind: 'partnerType', key: 'community' }])
    expect(byId.get('tags')!.reasons).toContainEqual({ kind: 'tags', tags: ['防災', '避難所'] })
    expect(kinds(byId.get('tags')!.reasons)).not.toContain('partnerType')
    expect(kinds(byId.get('similar')!.reasons)).toEqual(['similar'])
    expect(byId.get('linked-out')!.reasons).toEqual([{ kind: 'explicit' }])
    expect(byId.has('unrelated')).toBe(false)
  })

  it('never relates a case to itself, even when it links to itself', () => {
    const selfLinked = { meta: { ...target, related: ['target'] } }
    const result = relatedCases(selfLinked, [selfLinked, ...all], { limit: 100 })
    expect(result.map((r) => r.id)).not.toContain('target')
  })

  it('respects the limit (default 5) and returns nothing for an empty library', () => {
    expect(relatedCases({ meta: target }, all, { limit: 2 })).toHaveLength(2)
    expect(relatedCases({ meta: target }, all, { limit: 0 })).toEqual([])
    expect(relatedCases({ meta: target }, all).length).toBe(5)
    expect(relatedCases({ meta: target }, [])).toEqual([])
  })
})

describe('related cases on the sample library', () => {
  let parent: string
  let library: Library
  let docs: CaseDoc[]

  beforeAll(async () => {
    parent = await makeTempFolder()
    library = await openLibrary(await copySample(parent))
    const { cases } = await library.cases.list()
    docs = await Promise.all(cases.map((meta) => library.cases.get(meta.id)))
  })
  afterAll(() => removeFolder(parent))

  it('lists every explicitly linked case before any other, for every case', () => {
    for (const doc of docs) {
      const result = relatedCases(doc, docs, { limit: 100 })
      const linked = new Set([
        ...(doc.meta.related ?? []),
        ...docs.filter((d) => d.meta.related?.includes(doc.meta.id)).map((d) => d.meta.id),
      ])
      linked.delete(doc.meta.id)
      expect(new Set(result.slice(0, linked.size).map((r) => r.id)), doc.meta.id).toEqual(linked)
      expect(result.map((r) => r.id)).not.toContain(doc.meta.id)
      for (const r of result) {
        const other = docs.find((d) => d.meta.id === r.id)!.meta
        for (const reason of r.reasons) {
          if (reason.kind === 'partnerType') {
            expect(doc.meta.partnerTypes).toContain(reason.key)
            expect(other.partnerTypes).toContain(reason.key)
          }
          if (reason.kind === 'tags')
            for (const tag of reason.tags) expect(other.tags).toContain(tag)
        }
      }
    }
  })

  it('finds similar text between sample cases when bodies are compared', () => {
    const reasons = docs.flatMap((doc) =>
      relatedCases(doc, docs, { limit: 100 }).flatMap((r) => r.reasons),
    )
    expect(reasons.some((r) => r.kind === 'similar')).toBe(true)
  })

  it('relatedToCase reads the library and answers like relatedCases', async () => {
    const fromLibrary = await relatedToCase(library, 'kodomo-shokudo-network', { limit: 3 })
    const target = docs.find((d) => d.meta.id === 'kodomo-shokudo-network')!
    expect(fromLibrary).toEqual(relatedCases(target, docs, { limit: 3 }))
    expect(fromLibrary[0]!.reasons[0]).toEqual({ kind: 'explicit' })
  })
})
