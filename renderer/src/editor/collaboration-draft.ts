import {
  COLLABORATION_ELEMENTS,
  type CollaborationCheck,
  type CollaborationElement,
} from '../../../common/model'

/**
 * The 協働の4要素 panel's state: a score (or none) and a note per element, plus the overall note.
 * Turned into the optional `collaboration` object on save; validated by the shared zod schema.
 */
export interface CollaborationDraft {
  scores: Record<CollaborationElement, number | null>
  notes: Record<CollaborationElement, string>
  note: string
}

const perElement = <T>(value: (element: CollaborationElement) => T) =>
  Object.fromEntries(COLLABORATION_ELEMENTS.map((e) => [e, value(e)])) as Record<
    CollaborationElement,
    T
  >

export function collaborationDraftOf(check: CollaborationCheck | undefined): CollaborationDraft {
  return {
    scores: perElement((e) => check?.[e]?.score ?? null),
    notes: perElement((e) => check?.[e]?.note ?? ''),
    note: check?.note ?? '',
  }
}

/**
 * The draft as the `collaboration` input: unscored elements without a note are left out, and so
 * is the whole object when nothing was filled in (format v1 stays as it was). A note without a
 * score is sent as it is, so the schema says the score is missing instead of the note vanishing.
 */
export function collaborationInput(draft: CollaborationDraft): Record<string, unknown> | undefined {
  const input: Record<string, unknown> = {}
  for (const element of COLLABORATION_ELEMENTS) {
    const score = draft.scores[element]
    const note = draft.notes[element].trim()
    if (score === null && !note) continue
    input[element] = { ...(score === null ? {} : { score }), ...(note ? { note } : {}) }
  }
  const note = draft.note.trim()
  if (note) input.note = note
  return Object.keys(input).length > 0 ? input : undefined
}
