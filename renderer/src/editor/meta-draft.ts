import type { z } from 'zod'
import type {
  CaseMeta,
  CaseMetaInput,
  CaseStatus,
  CollaborationForm,
  Initiator,
  Partner,
} from '../../../common/model'
import { caseMetaInputSchema } from '../../../common/case-schema'
import type { MessageKey } from '../i18n/ja'
import { fiscalYearOfDraft, specificErrors } from './field-messages'
import {
  collaborationDraftOf,
  collaborationInput,
  type CollaborationDraft,
} from './collaboration-draft'

/**
 * The metadata form's state: text where the user types (numbers and lists as strings), turned
 * into CaseMetaInput on save and validated with the same zod schema main applies.
 */
export interface MetaDraft {
  title: string
  summary: string
  partnerTypes: string[]
  partners: Partner[]
  forms: CollaborationForm[]
  initiatedBy: Initiator | ''
  department: string
  area: string
  periodStart: string
  periodEnd: string
  fiscalYear: string
  status: CaseStatus
  tags: string
  outcomes: { label: string; value: string; unit: string }[]
  evaluationCity: string
  evaluationPartner: string
  evaluationNote: string
  /** 協働の4要素 (issue #16), edited in its own panel. */
  collaboration: CollaborationDraft
  contactName: string
  contactSection: string
  sources: { title: string; url: string }[]
  related: string
  lastVerified: string
}

export function emptyDraft(firstPartnerType: string | undefined): MetaDraft {
  return draftFromMeta({
    title: '',
    status: 'draft',
    partnerTypes: firstPartnerType ? [firstPartnerType] : [],
  })
}

export function draftFromMeta(
  meta: Partial<CaseMeta> & Pick<CaseMeta, 'title' | 'status' | 'partnerTypes'>,
): MetaDraft {
  return {
    title: meta.title,
    summary: meta.summary ?? '',
    partnerTypes: [...meta.partnerTypes],
    partners: (meta.partners ?? []).map((p) => ({ ...p })),
    forms: [...(meta.forms ?? [])],
    initiatedBy: meta.initiatedBy ?? '',
    department: meta.department ?? '',
    area: meta.area ?? '',
    periodStart: meta.period?.start ?? '',
    periodEnd: meta.period?.end ?? '',
    fiscalYear: meta.fiscalYear?.toString() ?? '',
    status: meta.status,
    tags: (meta.tags ?? []).join('、'),
    outcomes: (meta.outcomes ?? []).map((o) => ({
      label: o.label,
      value: String(o.value),
      unit: o.unit,
    })),
    evaluationCity: meta.evaluation?.city?.toString() ?? '',
    evaluationPartner: meta.evaluation?.partner?.toString() ?? '',
    evaluationNote: meta.evaluation?.note ?? '',
    collaboration: collaborationDraftOf(meta.collaboration),
    contactName: meta.contact?.name ?? '',
    contactSection: meta.contact?.section ?? '',
    sources: (meta.sources ?? []).map((s) => ({ ...s })),
    related: (meta.related ?? []).join(', '),
    lastVerified: meta.lastVerified ?? '',
  }
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim())
const number = (value: string) =>
  value.trim() === '' ? undefined : Number(value.normalize('NFKC'))
const list = (value: string) =>
  value
    .split(/[,、，\n]/)
    .map((v) => v.trim())
    .filter(Boolean)

/** The draft as API input: empty optional fields are left out, not saved as "". */
export function draftToInput(draft: MetaDraft): Record<string, unknown> {
  const evaluation = {
    city: number(draft.evaluationCity),
    partner: number(draft.evaluationPartner),
    note: text(draft.evaluationNote),
  }
  const contact = { name: text(draft.contactName), section: text(draft.contactSection) }
  const input: Record<string, unknown> = {
    title: draft.title.trim(),
    summary: text(draft.summary),
    partnerTypes: draft.partnerTypes,
    partners: draft.partners.length
      ? draft.partners.map((p) => ({ ...p, name: p.name.trim(), role: p.role.trim() }))
      : undefined,
    forms: draft.forms.length ? draft.forms : undefined,
    initiatedBy: draft.initiatedBy || undefined,
    department: text(draft.department),
    area: text(draft.area),
    // An end without a start is sent too, so the form says the start is missing.
    period:
      text(draft.periodStart) || text(draft.periodEnd)
        ? { start: draft.periodStart.trim(), end: text(draft.periodEnd) ?? null }
        : undefined,
    fiscalYear: fiscalYearOfDraft(draft.fiscalYear),
    status: draft.status,
    tags: list(draft.tags).length ? list(draft.tags) : undefined,
    outcomes: draft.outcomes.length
      ? draft.outcomes.map((o) => ({
          label: o.label.trim(),
          value: number(o.value) ?? Number.NaN,
          unit: o.unit.trim(),
        }))
      : undefined,
    evaluation: Object.values(evaluation).some((v) => v !== undefined) ? evaluation : undefined,
    collaboration: collaborationInput(draft.collaboration),
    contact: Object.values(contact).some((v) => v !== undefined) ? contact : undefined,
    sources: draft.sources.length
      ? draft.sources.map((s) => ({ title: s.title.trim(), url: s.url.trim() }))
      : undefined,
    related: list(draft.related).length ? list(draft.related) : undefined,
    lastVerified: text(draft.lastVerified),
  }
  // Drop undefined members so the strict schema sees only what the user filled in.
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>
}

/** Field errors keyed by the form's field names ("periodStart", "outcomes.0.value", …). */
export type FieldErrors = Record<string, MessageKey>

export function validateDraft(
  draft: MetaDraft,
): { input: CaseMetaInput; errors: null } | { input: null; errors: FieldErrors } {
  const parsed = caseMetaInputSchema.safeParse(draftToInput(draft))
  if (parsed.success) return { input: parsed.data, errors: null }
  return { input: null, errors: specificErrors(draft, errorsFromIssues(parsed.error.issues)) }
}

const FIELD_OF_PATH: Record<string, string> = {
  'period.start': 'periodStart',
  'period.end': 'periodEnd',
  period: 'periodEnd',
  'evaluation.city': 'evaluationCity',
  'evaluation.partner': 'evaluationPartner',
  'evaluation.note': 'evaluationNote',
  'contact.name': 'contactName',
  'contact.section': 'contactSection',
}

export function errorsFromIssues(
  issues: z.core.$ZodIssue[] | { path: string; message: string; code?: string }[],
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const path = Array.isArray(issue.path) ? issue.path.map(String).join('.') : issue.path
    const field =
      FIELD_OF_PATH[path] ?? (/^(tags|related)\./.test(path) ? path.split('.')[0]! : path)
    errors[field] ??= messageOf(issue as { code?: string; origin?: string; minimum?: unknown })
  }
  return errors
}

function messageOf(issue: { code?: string; origin?: string; minimum?: unknown }): MessageKey {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? 'validation.range' : 'validation.required'
    case 'too_big':
      return issue.origin === 'number' ? 'validation.range' : 'validation.tooLong'
    case 'invalid_format':
      return 'validation.format'
    case 'custom':
      return 'validation.range'
    default:
      return 'validation.invalid'
  }
}
