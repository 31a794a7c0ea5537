import { COLLABORATION_FORMS, type CaseMeta } from '../model/case'

export interface LibraryOverview {
  /** Every configured partner type (zero counts included), then unknown keys found in cases. */
  byPartnerType: { key: string; count: number }[]
  /** Every 年度 from the earliest to the latest present, gaps as zero, stacked by partner type. */
  byYear: {
    year: number
    total: number
    /** Cases of that 年度 with each partner type (a case with three types counts three times). */
    byPartnerType: Record<string, number>
    /** A breakdown that sums to `total`: cases whose only partner type is the key… */
    singleType: Record<string, number>
    /** …and cases with several partner types, counted once. */
    multipleTypes: number
  }[]
  /** Every form of COLLABORATION_FORMS (zero counts included), in that order. */
  byForm: { form: string; count: number }[]
  /** Departments present, most cases first (ties by name). */
  byDepartment: { department: string; count: number }[]
  /** Partner type × form, every combination, rows in byPartnerType order, forms in byForm order. */
  matrix: { partnerType: string; form: string; count: number }[]
  /** Cases counted (the readable ones the caller passed). */
  total: number
  /** Cases left out of a picture because the field is empty, so every picture adds up to total. */
  missing: { year: number; form: number; department: number }
}

/**
 * Pictures of the library computed from metadata alone (no bodies), so the renderer can compute
 * them from `cases.list()` too. A case with several partner types or forms counts once under
 * each: per-type and per-form sums can exceed `total`, while each 年度 bar counts a case once
 * (its stack is `singleType` plus `multipleTypes`, which sum to the bar's `total`).
 * Which cases to pass (e.g. without drafts) is the caller's choice; damaged cases never reach
 * here because `cases.list()` reports them separately.
 */
export function libraryOverview(cases: CaseMeta[], partnerTypeKeys: string[]): LibraryOverview {
  const typeKeys = [...new Set(partnerTypeKeys)]
  const unknown = new Set<string>()
  for (const meta of cases) for (const key of meta.partnerTypes) unknown.add(key)
  for (const key of typeKeys) unknown.delete(key)
  typeKeys.push(...[...unknown].sort())

  const forms: string[] = [...COLLABORATION_FORMS]
  for (const meta of cases)
    for (const form of meta.forms ?? []) if (!forms.includes(form)) forms.push(form)

  // Maps, not objects: a partner-type key such as "constructor" must not meet Object.prototype.
  const typeCount = new Map<string, number>()
  const formCount = new Map<string, number>()
  const cell = new Map<string, number>()
  const departments = new Map<string, number>()
  const years = new Map<number, Map<string, number>>()
  const yearTotals = new Map<number, number>()
  const yearSingles = new Map<number, Map<string, number>>()
  const yearMultiples = new Map<number, number>()
  const missing = { year: 0, form: 0, department: 0 }

  for (const meta of cases) {
    const types = [...new Set(meta.partnerTypes)]
    const caseForms = [...new Set(meta.forms ?? [])]
    for (const key of types) increment(typeCount, key)
    for (const form of caseForms) increment(formCount, form)
    for (const key of types) for (const form of caseForms) increment(cell, cellKey(key, form))
    if (caseForms.length === 0) missing.form++

    const department = meta.department?.trim()
    if (department) increment(departments, department)
    else missing.department++

    if (meta.fiscalYear === undefined) missing.year++
    else {
      const stack = years.get(meta.fiscalYear) ?? new Map<string, number>()
      for (const key of types) increment(stack, key)
      years.set(meta.fiscalYear, stack)
      increment(yearTotals, meta.fiscalYear)
      if (types.length > 1) increment(yearMultiples, meta.fiscalYear)
      else if (types.length === 1) {
        const singles = yearSingles.get(meta.fiscalYear) ?? new Map<string, number>()
        increment(singles, types[0]!)
        yearSingles.set(meta.fiscalYear, singles)
      }
    }
  }

  const byYear: LibraryOverview['byYear'] = []
  if (years.size > 0) {
    const present = [...years.keys()]
    for (let year = Math.min(...present); year <= Math.max(...present); year++) {
      byYear.push({
        year,
        total: yearTotals.get(year) ?? 0,
        byPartnerType: Object.fromEntries(
          typeKeys.map((key) => [key, years.get(year)?.get(key) ?? 0]),
        ),
        singleType: Object.fromEntries(
          typeKeys.map((key) => [key, yearSingles.get(year)?.get(key) ?? 0]),
        ),
        multipleTypes: yearMultiples.get(year) ?? 0,
      })
    }
  }

  return {
    byPartnerType: typeKeys.map((key) => ({ key, count: typeCount.get(key) ?? 0 })),
    byYear,
    byForm: forms.map((form) => ({ form, count: formCount.get(form) ?? 0 })),
    byDepartment: [...departments]
      .map(([department, count]) => ({ department, count }))
      .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department, 'ja')),
    matrix: typeKeys.flatMap((partnerType) =>
      forms.map((form) => ({
        partnerType,
        form,
        count: cell.get(cellKey(partnerType, form)) ?? 0,
      })),
    ),
    total: cases.length,
    missing,
  }
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

// A tab never occurs in a partner-type key or a form name.
const cellKey = (partnerType: string, form: string) => `${partnerType}\t${form}`
