import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLABORATION_FORMS, type CaseMeta } from '../../../common/model'
import { libraryOverview } from '../../../common/learn/overview'
import { openLibrary, type Library } from '../../../main/core/library'
import { caseMeta, copySample, makeTempFolder, removeFolder, sampleCaseIds } from './fixtures'

const KEYS = ['community', 'npo', 'private', 'academia', 'interdepartment', 'public']
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0)

describe('libraryOverview on the sample library', () => {
  let parent: string
  let library: Library
  let cases: CaseMeta[]

  beforeAll(async () => {
    parent = await makeTempFolder()
    library = await openLibrary(await copySample(parent))
    cases = (await library.cases.list()).cases
  })
  afterAll(() => removeFolder(parent))

  it('counts every readable case once in total and once per 年度', async () => {
    const overview = libraryOverview(cases, KEYS)
    expect(overview.total).toBe((await sampleCaseIds()).length)
    expect(sum(overview.byYear.map((y) => y.total)) + overview.missing.year).toBe(overview.total)
    expect(sum(overview.byDepartment.map((d) => d.count)) + overview.missing.department).toBe(
      overview.total,
    )
  })

  it('counts a case under each of its partner types and forms, matching a recount from metadata', () => {
    const overview = libraryOverview(cases, KEYS)
    expect(overview.byPartnerType.map((t) => t.key)).toEqual(KEYS)
    for (const { key, count } of overview.byPartnerType)
      expect(count).toBe(cases.filter((c) => c.partnerTypes.includes(key)).length)
    expect(overview.byForm.map((f) => f.form)).toEqual([...COLLABORATION_FORMS])
    for (const { form, count } of overview.byForm)
      expect(count).toBe(cases.filter((c) => c.forms?.includes(form as never)).length)
    expect(sum(overview.byPartnerType.map((t) => t.count))).toBe(
      sum(cases.map((c) => c.partnerTypes.length)),
    )
    expect(overview.byDepartment[0]).toEqual({ department: '市民協働推進課', count: 4 })
  })

  it('has one matrix cell per partner type × form, each counting cases having both', () => {
    const overview = libraryOverview(cases, KEYS)
    expect(overview.matrix).toHaveLength(KEYS.length * COLLABORATION_FORMS.length)
    for (const { partnerType, form, count } of overview.matrix) {
      const expected = cases.filter(
        (c) => c.partnerTypes.includes(partnerType) && c.forms?.includes(form as never),
      ).length
      expect(count, `${partnerType} × ${form}`).toBe(expected)
    }
    // Each row adds up to the forms of that type's cases.
    for (const key of KEYS) {
      const row = overview.matrix.filter((c) => c.partnerType === key)
      const expected = sum(
        cases.filter((c) => c.partnerTypes.includes(key)).map((c) => c.forms?.length ?? 0),
      )
      expect(sum(row.map((c) => c.count))).toBe(expected)
    }
  })

  it('lists every 年度 from the first to the last, each stacked by partner type', () => {
    const overview = libraryOverview(cases, KEYS)
    const years = overview.byYear.map((y) => y.year)
    expect(years[0]).toBe(Math.min(...cases.map((c) => c.fiscalYear!)))
    expect(years.at(-1)).toBe(Math.max(...cases.map((c) => c.fiscalYear!)))
    expect(years).toEqual(years.map((_, i) => years[0]! + i))
    for (const bar of overview.byYear) {
      expect(Object.keys(bar.byPartnerType)).toEqual(KEYS)
      const ofYear = cases.filter((c) => c.fiscalYear === bar.year)
      expect(bar.total).toBe(ofYear.length)
      for (const key of KEYS)
        expect(bar.byPartnerType[key]).toBe(
          ofYear.filter((c) => c.partnerTypes.includes(key)).length,
        )
    }
  })

  it('counts only readable cases when one case is damaged (list() reports it apart)', async () => {
    const dir = join(parent, 'damaged')
    await cp(library.root, dir, { recursive: true })
    await writeFile(join(dir, 'cases', 'kenko-point', 'case.json'), '{ not json', 'utf8')
    const damagedLibrary = await openLibrary(dir)
    const listed = await damagedLibrary.cases.list()
    expect(listed.damaged.map((d) => d.id)).toEqual(['kenko-point'])
    const overview = libraryOverview(listed.cases, KEYS)
    expect(overview.total).toBe(cases.length - 1)
    expect(sum(overview.byYear.map((y) => y.total))).toBe(cases.length - 1)
    const before = libraryOverview(cases, KEYS)
    // kenko-point is academia + private, 委託 + 事業協力・協定.
    const count = (o: typeof overview, key: string) =>
      o.byPartnerType.find((t) => t.key === key)!.count
    expect(count(overview, 'academia')).toBe(count(before, 'academia') - 1)
    expect(count(overview, 'npo')).toBe(count(before, 'npo'))
  })
})

describe('libraryOverview edge cases', () => {
  it('gives zero counts for every configured key and form when there are no cases', () => {
    const overview = libraryOverview([], KEYS)
    expect(overview.total).toBe(0)
    expect(overview.byPartnerType).toEqual(KEYS.map((key) => ({ key, count: 0 })))
    expect(overview.byForm.every((f) => f.count === 0)).toBe(true)
    expect(overview.byYear).toEqual([])
    expect(overview.byDepartment).toEqual([])
    expect(overview.matrix).toHaveLength(KEYS.length * COLLABORATION_FORMS.length)
    expect(overview.matrix.every((c) => c.count === 0)).toBe(true)
  })

  it('adds a partner type found in cases but not configured, after the configured ones', () => {
    const cases = [
      caseMeta('a', { partnerTypes: ['npo', 'foundation'], forms: ['共催'], fiscalYear: 2020 }),
      caseMeta('b', { partnerTypes: ['npo'], fiscalYear: 2023 }),
    ]
    const overview = libraryOverview(cases, ['community', 'npo'])
    expect(overview.byPartnerType).toEqual([
      { key: 'community', count: 0 },
      { key: 'npo', count: 2 },
      { key: 'foundation', count: 1 },
    ])
    expect(overview.matrix).toContainEqual({ partnerType: 'foundation', form: '共催', count: 1 })
    expect(overview.byYear.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023])
    expect(overview.byYear[0]!.byPartnerType).toEqual({ community: 0, npo: 1, foundation: 1 })
    expect(overview.byYear[1]).toEqual({
      year: 2021,
      total: 0,
      byPartnerType: { community: 0, npo: 0, foundation: 0 },
      singleType: { community: 0, npo: 0, foundation: 0 },
      multipleTypes: 0,
    })
    // Case a (npo + foundation) is one case of 2020: the breakdown sums to the bar's total.
    expect(overview.byYear[0]).toMatchObject({ total: 1, multipleTypes: 1 })
    expect(overview.byYear[3]!.singleType).toEqual({ community: 0, npo: 1, foundation: 0 })
  })

  it('reports cases without 年度, form or department so every picture adds up to total', () => {
    const cases = [
      caseMeta('a', { fiscalYear: 2022, forms: ['後援'], department: '子ども未来課' }),
      caseMeta('b', {}),
      caseMeta('c', { department: '  ' }),
    ]
    const overview = libraryOverview(cases, ['npo'])
    expect(overview.missing).toEqual({ year: 2, form: 2, department: 2 })
    expect(overview.byDepartment).toEqual([{ department: '子ども未来課', count: 1 }])
  })

  it('counts a partner type listed twice in one case once, and copes with a key named "constructor"', () => {
    const cases = [
      caseMeta('a', { partnerTypes: ['constructor', 'constructor'], fiscalYear: 2024 }),
    ]
    const overview = libraryOverview(cases, ['npo'])
    expect(overview.byPartnerType).toEqual([
      { key: 'npo', count: 0 },
      { key: 'constructor', count: 1 },
    ])
    expect(overview.byYear[0]!.byPartnerType).toEqual({ npo: 0, constructor: 1 })
  })
})
