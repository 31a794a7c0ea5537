import type { CaseMeta } from '../model/case'

export const DEFAULT_MAX_AGE_MONTHS = 24

export interface StaleCase {
  id: string
  title: string
  /** The case's own lastVerified, when it has one. */
  lastVerified?: string
  /** The date the age was counted from: lastVerified, or the date of updatedAt without it. */
  checkedOn: string
  basis: 'lastVerified' | 'updatedAt'
  /** Whole calendar months since `checkedOn`. */
  ageMonths: number
}

export interface FreshnessReport {
  /** Cases to review, oldest first. */
  stale: StaleCase[]
  /** Not archived and without an end date (period.end null or absent). */
  active: number
  /** Not archived, with an end date. */
  ended: number
  archived: number
}

/** "Still active": not archived and no end date. */
export function isStillActive(meta: Pick<CaseMeta, 'status' | 'period'>): boolean {
  return meta.status !== 'archived' && (meta.period?.end ?? null) === null
}

/**
 * Which cases need someone to confirm they are still current. A case is stale when the date it
 * was last verified (updatedAt's date when lastVerified is absent) lies more than `maxAgeMonths`
 * calendar months before `now`: verified 2024-05-10 with 24 months is fresh through 2026-05-10
 * and stale from 2026-05-11 (a month-end date clamps: 2024-02-29 + 24 months = 2026-02-28).
 * Dates are compared as calendar days in the local time zone of the machine, which is what
 * staff mean by "today". Archived cases are never stale: nobody is expected to keep them current.
 */
export function freshnessReport(
  cases: CaseMeta[],
  now: Date,
  maxAgeMonths: number,
): FreshnessReport {
  const today = localDay(now)
  if (!today) throw new RangeError('freshnessReport: invalid date')
  const report: FreshnessReport = { stale: [], active: 0, ended: 0, archived: 0 }
  for (const meta of cases) {
    if (meta.status === 'archived') {
      report.archived++
      continue
    }
    if (isStillActive(meta)) report.active++
    else report.ended++
    const basis = meta.lastVerified ? 'lastVerified' : 'updatedAt'
    const checked = meta.lastVerified
      ? parseDay(meta.lastVerified)
      : localDay(new Date(meta.updatedAt))
    if (!checked) continue
    if (compareDays(today, addMonths(checked, maxAgeMonths)) > 0) {
      report.stale.push({
        id: meta.id,
        title: meta.title,
        ...(meta.lastVerified ? { lastVerified: meta.lastVerified } : {}),
        checkedOn: formatDay(checked),
        basis,
        ageMonths: monthsBetween(checked, today),
      })
    }
  }
  report.stale.sort((a, b) => a.checkedOn.localeCompare(b.checkedOn) || a.id.localeCompare(b.id))
  return report
}

interface Day {
  y: number
  m: number // 1–12
  d: number
}

function localDay(date: Date): Day | undefined {
  if (Number.isNaN(date.getTime())) return undefined
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() }
}

function parseDay(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
  return match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : undefined
}

function formatDay({ y, m, d }: Day): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function addMonths(day: Day, months: number): Day {
  const index = day.y * 12 + (day.m - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) }
}

function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d
}

function monthsBetween(from: Day, to: Day): number {
  let months = (to.y - from.y) * 12 + (to.m - from.m)
  if (compareDays(to, addMonths(from, months)) < 0) months--
  return Math.max(0, months)
}
