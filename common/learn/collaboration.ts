import type { CaseMeta } from '../model/case'
import {
  COLLABORATION_ELEMENTS,
  COLLABORATION_ELEMENT_JA,
  type CollaborationCheck,
  type CollaborationElement,
} from '../model/collaboration'

/**
 * 協働の4要素 read across a library (issue #16): which cases were real 協働 in all four senses,
 * which began as name-only partnerships, the best example of each element, and where a partner
 * type tends to fall short. Pure, so the learn page, the lesson service and tests share it.
 */

/** A score from here up counts as "that element was really there". */
export const STRONG_SCORE = 4
/** A score from here down counts as "that element was missing". */
export const WEAK_SCORE = 2
/**
 * 名ばかり連携 shows first in these two: a partner that only lends its name takes no ownership and
 * does not share the goal, even when the work itself got done.
 */
export const NOMINAL_ELEMENTS: readonly CollaborationElement[] = ['ownership', 'goal']

export const scoreOf = (check: CollaborationCheck | undefined, element: CollaborationElement) =>
  check?.[element]?.score

/** Every element scored STRONG_SCORE or more (an unscored element is not evidence). */
export function isFullCollaboration(check: CollaborationCheck | undefined): boolean {
  return COLLABORATION_ELEMENTS.every((e) => (scoreOf(check, e) ?? 0) >= STRONG_SCORE)
}

/** The elements scored WEAK_SCORE or lower, in the order of the definition. */
export function lowElements(check: CollaborationCheck | undefined): CollaborationElement[] {
  return COLLABORATION_ELEMENTS.filter((e) => {
    const score = scoreOf(check, e)
    return score !== undefined && score <= WEAK_SCORE
  })
}

export function isNominal(check: CollaborationCheck | undefined): boolean {
  return lowElements(check).some((e) => NOMINAL_ELEMENTS.includes(e))
}

/** Whether someone checked the case at all. */
export const isChecked = (meta: CaseMeta) =>
  COLLABORATION_ELEMENTS.some((e) => scoreOf(meta.collaboration, e) !== undefined)

const newestFirst = (a: CaseMeta, b: CaseMeta) =>
  (b.fiscalYear ?? -Infinity) - (a.fiscalYear ?? -Infinity) ||
  a.title.localeCompare(b.title, 'ja') ||
  a.id.localeCompare(b.id)

export interface ElementNote {
  caseId: string
  title: string
  score: number
  note: string
}

/** Per element, every note written about it, highest score first (then newest 年度). */
export function notesByElement(cases: CaseMeta[]): Record<CollaborationElement, ElementNote[]> {
  const sorted = [...cases].sort(newestFirst)
  const entries = COLLABORATION_ELEMENTS.map((element) => {
    const notes = sorted.flatMap((meta) => {
      const check = meta.collaboration?.[element]
      const note = check?.note?.trim()
      return check && note ? [{ caseId: meta.id, title: meta.title, score: check.score, note }] : []
    })
    // A stable sort keeps newest first among equal scores.
    notes.sort((a, b) => b.score - a.score)
    return [element, notes] as const
  })
  return Object.fromEntries(entries) as Record<CollaborationElement, ElementNote[]>
}

/**
 * The case that best shows each element: the highest score with a note that says why (a bare
 * number teaches nothing), preferring cases strong on all four, then the newest.
 */
export function bestExamples(
  cases: CaseMeta[],
): Record<CollaborationElement, ElementNote | undefined> {
  const full = new Set(cases.filter((c) => isFullCollaboration(c.collaboration)).map((c) => c.id))
  const notes = notesByElement(cases)
  const entries = COLLABORATION_ELEMENTS.map((element) => {
    const list = notes[element]
    const top = list[0]?.score
    const candidates = list.filter((n) => n.score === top)
    return [element, candidates.find((n) => full.has(n.caseId)) ?? candidates[0]] as const
  })
  return Object.fromEntries(entries) as Record<CollaborationElement, ElementNote | undefined>
}

export interface TypeAverages {
  key: string
  /** How many checked cases of this partner type there are. */
  count: number
  /** Mean score per element, or null when no case of this type scored it. */
  averages: Record<CollaborationElement, number | null>
}

/**
 * The mean score per element for each partner type, over the checked cases (a case with several
 * partner types counts for each, as on the learn dashboard). Types without checked cases are
 * left out: an empty row would read as a low score.
 */
export function averagesByPartnerType(cases: CaseMeta[], typeKeys: string[]): TypeAverages[] {
  const checked = cases.filter(isChecked)
  return typeKeys.flatMap((key) => {
    const mine = checked.filter((c) => c.partnerTypes.includes(key))
    if (mine.length === 0) return []
    const averages = Object.fromEntries(
      COLLABORATION_ELEMENTS.map((element) => {
        const scores = mine.flatMap((c) => scoreOf(c.collaboration, element) ?? [])
        const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null
        return [element, mean === null ? null : Math.round(mean * 10) / 10]
      }),
    ) as Record<CollaborationElement, number | null>
    return [{ key, count: mine.length, averages }]
  })
}

/** The 名ばかり連携 cases: low ownership or low shared goal, newest first. */
export function nominalCases(cases: CaseMeta[]): CaseMeta[] {
  return cases.filter((c) => isNominal(c.collaboration)).sort(newestFirst)
}

/**
 * The check as plain Japanese lines for exports that have no chart (HTML handout, text):
 * 「ともに主体的に 4/5：相手が自ら提案した」, one per scored element, then the overall note.
 */
export function collaborationLinesJa(check: CollaborationCheck | undefined): string[] {
  if (!check) return []
  const lines = COLLABORATION_ELEMENTS.flatMap((element) => {
    const item = check[element]
    if (!item) return []
    const note = item.note?.trim()
    return [`${COLLABORATION_ELEMENT_JA[element]} ${item.score}/5${note ? `：${note}` : ''}`]
  })
  const note = check.note?.trim()
  return note ? [...lines, note] : lines
}
