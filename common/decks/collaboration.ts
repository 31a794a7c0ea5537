import type { CaseMeta } from '../model/case'
import {
  COLLABORATION_ELEMENTS as ELEMENT_KEYS,
  COLLABORATION_ELEMENT_JA,
  type CollaborationElement,
  type ElementCheck,
} from '../model/collaboration'

/**
 * The 協働の4要素 of a case as a slide shows them (common/model/collaboration.ts holds the field):
 * the elements in order with their Japanese names, and the scored ones of a case.
 */
export const COLLABORATION_ELEMENTS = ELEMENT_KEYS.map((key) => ({
  key,
  label: COLLABORATION_ELEMENT_JA[key],
}))

export interface CollaborationScores {
  elements: Partial<Record<CollaborationElement, ElementCheck>>
  note?: string
}

/** The scored elements of a case, or undefined when it has none (no slide is made then). */
export function collaborationOf(
  meta: Pick<CaseMeta, 'collaboration'>,
): CollaborationScores | undefined {
  const check = meta.collaboration
  if (!check) return undefined
  const scored = ELEMENT_KEYS.flatMap((key) => (check[key] ? [[key, check[key]] as const] : []))
  if (scored.length === 0) return undefined
  return { elements: Object.fromEntries(scored), ...(check.note?.trim() && { note: check.note }) }
}
