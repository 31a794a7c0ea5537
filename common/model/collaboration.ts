/** 協働の4要素: the optional `collaboration` check of a case (docs/format.md). */

/**
 * The four parts of 協働 as the people this app is for define it: ともに主体的に (both sides act
 * with ownership), 課題に向き合う (face the problem together), 目標に共感する (share and feel the
 * goal), ともに取り組む (work on it together). The order is the order of that sentence.
 */
export const COLLABORATION_ELEMENTS = ['ownership', 'problem', 'goal', 'action'] as const
export type CollaborationElement = (typeof COLLABORATION_ELEMENTS)[number]

/** The elements' names as written in the library's own language (exports, search aliases). */
export const COLLABORATION_ELEMENT_JA: Record<CollaborationElement, string> = {
  ownership: 'ともに主体的に',
  problem: '課題に向き合う',
  goal: '目標に共感する',
  action: 'ともに取り組む',
}

/** One element: 1 (name only) … 5 (fully together), and what it looked like in this case. */
export interface ElementCheck {
  score: number
  note?: string
}

/** The optional `collaboration` object of case.json; each element may be left unscored. */
export type CollaborationCheck = Partial<Record<CollaborationElement, ElementCheck>> & {
  note?: string
}
