import type { CaseDoc } from '../../../common/model'
import { elementScores } from './collaboration-filter'
import { normalizeText } from './normalize'

/**
 * The searchable fields of a case, in a fixed order: the index and the ranking refer to them by
 * position. Partner names, not roles: a role is prose and already reads like the body.
 */
export const FIELDS = [
  'title',
  'tags',
  'partners',
  'department',
  'area',
  'summary',
  'body',
] as const
export type FieldName = (typeof FIELDS)[number]
export const FIELD_COUNT = FIELDS.length
export const TITLE = 0
export const SUMMARY = 5
export const BODY = 6

/**
 * Joins list values (tags, partner names) with a character no text contains, so a term can never
 * match across two tags and the n-gram index never sees a bigram spanning them.
 */
export const LIST_SEPARATOR = '\u001f'

/** One case as the engine keeps it: the original text for snippets, the normalised text for matching. */
export interface SearchDocument {
  id: string
  title: string
  summary: string
  /** The original body; '' when it stays on disk in the index file (see `stored`). */
  body: string
  /** Position of the original body in the index file it was read from; -1 when `body` holds it. */
  stored: number
  /** Normalised field text, indexed by the position in FIELDS. */
  fields: string[]
  /** Filter values, normalised like query values. */
  filter: {
    partnerTypes: string[]
    tags: string[]
    department: string
    area: string
    status: string
    forms: string[]
    fiscalYear: number | undefined
    /** 協働の4要素 scores in COLLABORATION_ELEMENTS order, 0 where unscored. */
    elements: number[]
  }
  /** Facet keys as shown to the user (not normalised). */
  facets: {
    partnerTypes: string[]
    tags: string[]
    department: string | undefined
    area: string | undefined
    status: string
    forms: string[]
    year: string | undefined
  }
  updatedAt: string
}

export function toSearchDocument(doc: CaseDoc): SearchDocument {
  const m = doc.meta
  const tags = m.tags ?? []
  const partnerNames = (m.partners ?? []).map((p) => p.name)
  const forms: string[] = m.forms ?? []
  const summary = m.summary ?? ''
  return {
    id: m.id,
    title: m.title,
    summary,
    body: doc.body,
    stored: -1,
    fields: [
      normalizeText(m.title),
      tags.map(normalizeText).join(LIST_SEPARATOR),
      partnerNames.map(normalizeText).join(LIST_SEPARATOR),
      normalizeText(m.department ?? ''),
      normalizeText(m.area ?? ''),
      normalizeText(summary),
      normalizeText(doc.body),
    ],
    filter: {
      partnerTypes: m.partnerTypes.map(normalizeText),
      tags: tags.map(normalizeText),
      department: normalizeText(m.department ?? ''),
      area: normalizeText(m.area ?? ''),
      status: m.status,
      forms: forms.map(normalizeText),
      fiscalYear: m.fiscalYear,
      elements: elementScores(m.collaboration),
    },
    facets: {
      partnerTypes: m.partnerTypes,
      tags,
      department: m.department || undefined,
      area: m.area || undefined,
      status: m.status,
      forms,
      year: m.fiscalYear === undefined ? undefined : String(m.fiscalYear),
    },
    updatedAt: m.updatedAt,
  }
}
