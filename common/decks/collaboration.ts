/**
 * The four elements of 協働 as a case may record them (case.json `collaboration`, issue #16):
 * ともに主体的に / 課題に向き合う / 目標に共感する / ともに取り組む, each scored 1–5 with an
 * optional note. Read defensively: the field is written by a newer version of the app, so
 * anything out of shape is left out rather than trusted.
 * TODO(merge): point CollaborationScores at the case model's type once #16 lands.
 */
export const COLLABORATION_ELEMENTS = [
  { key: 'ownership', label: 'ともに主体的に' },
  { key: 'problem', label: '課題に向き合う' },
  { key: 'goal', label: '目標に共感する' },
  { key: 'action', label: 'ともに取り組む' },
] as const

export type CollaborationElement = (typeof COLLABORATION_ELEMENTS)[number]['key']

export interface CollaborationScore {
  score: number
  note?: string
}

export interface CollaborationScores {
  elements: Partial<Record<CollaborationElement, CollaborationScore>>
  note?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 1000) : undefined

/** The `collaboration` field of a case's metadata, or undefined when it has no valid score. */
export function collaborationOf(meta: object): CollaborationScores | undefined {
  const field: unknown = (meta as Record<string, unknown>).collaboration
  if (!isRecord(field)) return undefined
  const elements: CollaborationScores['elements'] = {}
  for (const { key } of COLLABORATION_ELEMENTS) {
    const entry = field[key]
    if (!isRecord(entry)) continue
    const score = entry.score
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) continue
    const note = text(entry.note)
    elements[key] = { score, ...(note && { note }) }
  }
  if (Object.keys(elements).length === 0) return undefined
  const note = text(field.note)
  return { elements, ...(note && { note }) }
}
