import type { CaseMeta, CaseStatus } from '../../../common/model'

/**
 * The sidebar's selection and the chips: one value per group, except 年度, where several years
 * are ORed; groups are combined with AND.
 */
export interface CaseFilter {
  partnerType?: string
  tag?: string
  years?: number[]
  department?: string
  status?: CaseStatus
  form?: string
  area?: string
  text?: string
}

export type CaseSort = 'relevance' | 'updated' | 'year' | 'title'

/**
 * Folds the differences Japanese text shows for the same word, so that a quick filter finds
 * 「ＮＰＯ」 for "npo" and カタカナ for ひらがな (full search with synonyms is the search engine's).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
}

function haystackOf(meta: CaseMeta): string {
  return foldText(
    [
      meta.title,
      meta.summary,
      meta.department,
      meta.area,
      ...(meta.tags ?? []),
      ...(meta.partners ?? []).flatMap((p) => [p.name, p.role]),
    ]
      .filter(Boolean)
      .join('\n'),
  )
}

export function matchesFilter(meta: CaseMeta, filter: CaseFilter): boolean {
  if (filter.partnerType && !meta.partnerTypes.includes(filter.partnerType)) return false
  if (filter.tag && !(meta.tags ?? []).includes(filter.tag)) return false
  if (filter.years?.length && !filter.years.includes(meta.fiscalYear ?? Number.NaN)) return false
  if (filter.form && !(meta.forms ?? []).some((f) => f.includes(filter.form!))) return false
  if (filter.area && !(meta.area ?? '').includes(filter.area)) return false
  if (filter.department && meta.department !== filter.department) return false
  if (filter.status && meta.status !== filter.status) return false
  if (filter.text) {
    const haystack = haystackOf(meta)
    const words = foldText(filter.text).split(/\s+/).filter(Boolean)
    if (!words.every((word) => haystack.includes(word))) return false
  }
  return true
}

export function sortCases(cases: CaseMeta[], sort: CaseSort): CaseMeta[] {
  const sorted = [...cases]
  if (sort === 'updated') sorted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  if (sort === 'year')
    sorted.sort(
      (a, b) => (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0) || a.title.localeCompare(b.title, 'ja'),
    )
  if (sort === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title, 'ja'))
  return sorted
}

export interface Facet<K> {
  key: K
  count: number
}

/** Counts per value of each sidebar group, most frequent first (years newest first). */
export function facetsOf(cases: CaseMeta[]) {
  const count = <K>(values: K[]) => {
    const map = new Map<K, number>()
    for (const value of values) map.set(value, (map.get(value) ?? 0) + 1)
    return [...map].map(([key, n]) => ({ key, count: n }))
  }
  const byCount = <K>(facets: Facet<K>[]) =>
    facets.sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key), 'ja'))
  return {
    partnerTypes: count(cases.flatMap((c) => c.partnerTypes)),
    tags: byCount(count(cases.flatMap((c) => c.tags ?? []))),
    years: count(cases.flatMap((c) => (c.fiscalYear === undefined ? [] : [c.fiscalYear]))).sort(
      (a, b) => b.key - a.key,
    ),
    departments: byCount(count(cases.flatMap((c) => (c.department ? [c.department] : [])))),
    statuses: count(cases.map((c) => c.status)),
  }
}
