import type { NominalLesson } from '../../../common/model'
import { lowElements, nominalCases } from '../../../common/learn/collaboration'
import type { Library } from '../library'
import { tipsOf } from './tips'

/**
 * The 「名ばかり連携」 lesson (issue #16): every case whose ownership or shared goal was scored low,
 * newest first, each with what its own 苦労と教訓 says. Bodies are read the way the partner-type
 * guides read them (in waves, damaged cases skipped), so the two never disagree.
 */
export async function nominalLessons(library: Library): Promise<NominalLesson[]> {
  const { cases } = await library.cases.list()
  const chosen = nominalCases(cases)
  const lessons = new Map(
    (await tipsOf(library, chosen))
      .filter((tip) => tip.section === '苦労と教訓')
      .map((tip) => [tip.caseId, { markdown: tip.markdown, items: tip.items }]),
  )
  return chosen.map((meta) => ({
    caseId: meta.id,
    title: meta.title,
    ...(meta.fiscalYear === undefined ? {} : { fiscalYear: meta.fiscalYear }),
    collaboration: meta.collaboration ?? {},
    low: lowElements(meta.collaboration),
    ...(lessons.has(meta.id) ? { lesson: lessons.get(meta.id) } : {}),
  }))
}
