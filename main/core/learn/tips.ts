import { TIP_SECTIONS, type CaseMeta, type Tip, type TipSection } from '../../../common/model'

export { TIP_SECTIONS, type Tip, type TipSection }
import { KbError } from '../errors'
import type { Library } from '../library'
import { bodySection } from './sections'

export interface GatherTipsOptions {
  /** Only cases with this partner type; all cases when absent. */
  partnerType?: string
}

// Bodies are read in waves: thousands of parallel reads exhaust file handles on Windows.
const READ_CONCURRENCY = 32

/**
 * Every 協働のコツ and 苦労と教訓 section across the library's cases (or those of one partner
 * type), each linked back to its case, newest 年度 first. Empty sections (a case still on the
 * template) yield nothing. Damaged cases are skipped, as in `cases.list()`; a case deleted
 * between listing and reading is skipped too.
 */
export async function gatherTips(
  library: Library,
  options: GatherTipsOptions = {},
): Promise<Tip[]> {
  const { cases } = await library.cases.list()
  return tipsOf(library, selectCases(cases, options.partnerType))
}

/** The cases of a partner type (or all), newest 年度 first, then by title. */
export function selectCases(cases: CaseMeta[], partnerType?: string): CaseMeta[] {
  return cases
    .filter((meta) => partnerType === undefined || meta.partnerTypes.includes(partnerType))
    .sort(
      (a, b) =>
        (b.fiscalYear ?? -Infinity) - (a.fiscalYear ?? -Infinity) ||
        a.title.localeCompare(b.title, 'ja') ||
        a.id.localeCompare(b.id),
    )
}

/** The tips of the given cases, in their order. */
export async function tipsOf(library: Library, cases: CaseMeta[]): Promise<Tip[]> {
  const bodies: (string | undefined)[] = []
  for (let i = 0; i < cases.length; i += READ_CONCURRENCY) {
    const wave = cases.slice(i, i + READ_CONCURRENCY)
    const results = await Promise.allSettled(wave.map((meta) => library.cases.get(meta.id)))
    for (const result of results) {
      if (result.status === 'fulfilled') bodies.push(result.value.body)
      // Damaged or deleted meanwhile: skipped like list() skips it. Anything else is a real
      // failure (a share gone away) and must not pass for "this case has no tips".
      else if (result.reason instanceof KbError) bodies.push(undefined)
      else throw result.reason
    }
  }
  return cases.flatMap((meta, i) => {
    const body = bodies[i]
    if (body === undefined) return []
    return TIP_SECTIONS.flatMap((section) => {
      const found = bodySection(body, section)
      return found ? [{ caseId: meta.id, title: meta.title, section, ...found }] : []
    })
  })
}
