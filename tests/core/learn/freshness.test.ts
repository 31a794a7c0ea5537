import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freshnessReport, isStillActive } from '../../../common/learn/freshness'
import { libraryFreshness, maxAgeMonths, setMaxAgeMonths } from '../../../main/core/learn/freshness'
import { openLibrary } from '../../../main/core/library'
import { caseMeta, copySample, expectKbError, useTempFolders } from './fixtures'

// Noon local time, so the calendar day is the same in every time zone's reading of `now`.
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12)
const staleIds = (report: ReturnType<typeof freshnessReport>) => report.stale.map((s) => s.id)

describe('freshnessReport', () => {
  it('is fresh on exactly maxAge months and stale from the next day', () => {
    const cases = [caseMeta('a', { lastVerified: '2024-05-10' })]
    expect(staleIds(freshnessReport(cases, day(2026, 5, 9), 24))).toEqual([])
    expect(staleIds(freshnessReport(cases, day(2026, 5, 10), 24))).toEqual([])
    const report = freshnessReport(cases, day(2026, 5, 11), 24)
    expect(report.stale).toEqual([
      {
        id: 'a',
        title: '事例 a',
        lastVerified: '2024-05-10',
        checkedOn: '2024-05-10',
        basis: 'lastVerified',
        ageMonths: 24,
      },
    ])
  })

  it('clamps a month-end date (2024-02-29 + 12 months = 2025-02-28)', () => {
    const cases = [caseMeta('a', { lastVerified: '2024-02-29' })]
    expect(staleIds(freshnessReport(cases, day(2025, 2, 28), 12))).toEqual([])
    expect(staleIds(freshnessReport(cases, day(2025, 3, 1), 12))).toEqual(['a'])
  })

  it('uses the date of updatedAt when lastVerified is missing', () => {
    const cases = [caseMeta('a', { updatedAt: '2023-01-15T03:00:00.000Z' })]
    expect(staleIds(freshnessReport(cases, day(2025, 1, 14), 24))).toEqual([])
    const report = freshnessReport(cases, day(2025, 1, 16), 24)
    expect(report.stale).toEqual([
      expect.objectContaining({
        id: 'a',
        checkedOn: '2023-01-15',
        basis: 'updatedAt',
        ageMonths: 24,
      }),
    ])
    expect(report.stale[0]).not.toHaveProperty('lastVerified')
  })

  it('prefers lastVerified over a recent updatedAt', () => {
    const cases = [
      caseMeta('a', { lastVerified: '2020-01-01', updatedAt: '2025-12-01T00:00:00.000Z' }),
    ]
    expect(staleIds(freshnessReport(cases, day(2026, 1, 1), 24))).toEqual(['a'])
  })

  it('excludes archived cases and counts active and ended ones, oldest stale first', () => {
    const cases = [
      caseMeta('archived', { status: 'archived', lastVerified: '2010-01-01' }),
      caseMeta('ongoing', { period: { start: '2020-04', end: null }, lastVerified: '2019-06-01' }),
      caseMeta('no-period', { lastVerified: '2018-06-01' }),
      caseMeta('ended', {
        period: { start: '2020-04', end: '2022-03' },
        lastVerified: '2025-06-01',
      }),
      caseMeta('draft', { status: 'draft', lastVerified: '2025-12-01' }),
    ]
    const report = freshnessReport(cases, day(2026, 1, 1), 24)
    expect(staleIds(report)).toEqual(['no-period', 'ongoing'])
    expect(report).toMatchObject({ active: 3, ended: 1, archived: 1 })
    expect(report.stale[0]!.ageMonths).toBe(91) // 2018-06-01 → 2026-01-01
  })

  it('reports nothing for no cases', () => {
    expect(freshnessReport([], day(2026, 1, 1), 24)).toEqual({
      stale: [],
      active: 0,
      ended: 0,
      archived: 0,
    })
  })

  it('isStillActive: no end date and not archived', () => {
    expect(isStillActive(caseMeta('a'))).toBe(true)
    expect(isStillActive(caseMeta('a', { period: { start: '2020-04', end: null } }))).toBe(true)
    expect(isStillActive(caseMeta('a', { period: { start: '2020-04', end: '2021-03' } }))).toBe(
      false,
    )
    expect(isStillActive(caseMeta('a', { status: 'archived' }))).toBe(false)
  })
})

describe('libraryFreshness', () => {
  const temp = useTempFolders()

  it('uses library.json freshness.maxAgeMonths (default 24) and keeps other keys when it is set', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    expect(maxAgeMonths(library)).toBe(24)
    const { cases } = await library.cases.list()
    const now = day(2027, 6, 1)
    const report = await libraryFreshness(library, now)
    expect(report.maxAgeMonths).toBe(24)
    expect(report).toMatchObject(freshnessReport(cases, now, 24))
    expect(report.active + report.ended + report.archived).toBe(cases.length)
    expect(report.archived).toBe(cases.filter((c) => c.status === 'archived').length)

    await setMaxAgeMonths(library, 6)
    expect(maxAgeMonths(library)).toBe(6)
    const shorter = await libraryFreshness(library, now)
    expect(shorter.stale.length).toBeGreaterThan(report.stale.length)
    const config = JSON.parse(await readFile(join(library.root, 'library.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(config.freshness).toEqual({ maxAgeMonths: 6 })
    expect(config.partnerTypes).toEqual(library.config.partnerTypes)
    await expectKbError(setMaxAgeMonths(library, 0), 'invalid')
    await expectKbError(setMaxAgeMonths(library, 2.5), 'invalid')
  })
})
