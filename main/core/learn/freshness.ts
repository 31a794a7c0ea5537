import { freshnessReport, type FreshnessReport } from '../../../common/learn/freshness'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import { maxAgeMonthsOf } from './learn-settings'

export {
  DEFAULT_MAX_AGE_MONTHS,
  freshnessReport,
  isStillActive,
  type FreshnessReport,
  type StaleCase,
} from '../../../common/learn/freshness'

/** The library's freshness report with its configured age (library.json `freshness`). */
export async function libraryFreshness(
  library: Library,
  now: Date,
): Promise<FreshnessReport & { maxAgeMonths: number }> {
  const maxAgeMonths = maxAgeMonthsOf(library.config)
  const { cases } = await library.cases.list()
  return { ...freshnessReport(cases, now, maxAgeMonths), maxAgeMonths }
}

/** The configured age after which a case is stale, in months (default 24). */
export function maxAgeMonths(library: Library): number {
  return maxAgeMonthsOf(library.config)
}

/** Sets library.json `freshness.maxAgeMonths` (a whole number of months, 1–600). */
export async function setMaxAgeMonths(library: Library, months: number): Promise<void> {
  if (!Number.isInteger(months) || months < 1 || months > 600) {
    throw new KbError(
      'invalid',
      bilingual(
        '月数は1〜600の整数で指定してください',
        'Months must be a whole number from 1 to 600',
      ),
    )
  }
  await library.settings.update((config) => {
    const current = (config as Record<string, unknown>).freshness
    const rest =
      typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {}
    return { ...config, freshness: { ...rest, maxAgeMonths: months } }
  })
}
