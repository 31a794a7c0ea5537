import { z } from 'zod'
import {
  CASE_STATUSES,
  COLLABORATION_FORMS,
  INITIATORS,
  type CaseMeta,
  type CaseMetaInput,
} from './model/case'
import { COLLABORATION_ELEMENTS } from './model/collaboration'
import { ID_PATTERN, isValidId, PARTNER_TYPE_KEY_PATTERN } from './id-pattern'

// "YYYY-MM" or "YYYY-MM-DD", with a real month and day.
const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'YYYY-MM または YYYY-MM-DD')
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD')
const isoTimestamp = z.iso.datetime({ offset: true })
const caseId = z
  .string()
  .regex(ID_PATTERN, 'a-z0-9- のID')
  .refine(isValidId, 'Windowsの予約名は使えません')
const partnerTypeKey = z.string().regex(PARTNER_TYPE_KEY_PATTERN, 'a-z0-9- のキー')
const shortText = (max: number) => z.string().max(max)
const rating = z.number().int().min(1).max(5)

// 協働の4要素 (issue #16): each element scored 1–5 with an optional note; every element optional,
// so a case can be checked on the elements someone could judge and left open on the rest.
const elementCheck = z.strictObject({ score: rating, note: shortText(1000).optional() })
const collaborationCheck = z.strictObject({
  ...(Object.fromEntries(COLLABORATION_ELEMENTS.map((key) => [key, elementCheck.optional()])) as {
    [K in (typeof COLLABORATION_ELEMENTS)[number]]: z.ZodOptional<typeof elementCheck>
  }),
  note: shortText(2000).optional(),
})

/** The fields a person edits: shared by the on-disk schema and the API's input schema. */
const editableFields = {
  title: z.string().trim().min(1, '事例名は必須です').max(200),
  summary: shortText(280).optional(),
  partnerTypes: z.array(partnerTypeKey).min(1, '協働相手の種別を1つ以上選んでください').max(20),
  partners: z
    .array(
      z.strictObject({
        name: shortText(200).min(1),
        type: partnerTypeKey,
        role: shortText(500),
      }),
    )
    .max(50)
    .optional(),
  forms: z.array(z.enum(COLLABORATION_FORMS)).max(COLLABORATION_FORMS.length).optional(),
  initiatedBy: z.enum(INITIATORS).optional(),
  department: shortText(100).optional(),
  area: shortText(100).optional(),
  period: z
    .strictObject({ start: yearMonth, end: yearMonth.nullable().optional() })
    .refine(
      // Month precision when either side has no day: 2024-04-15 … 2024-04 is a valid period.
      (p) =>
        !p.end ||
        p.end.slice(0, Math.min(p.end.length, p.start.length)) >=
          p.start.slice(0, Math.min(p.end.length, p.start.length)),
      '終了は開始より後にしてください',
    )
    .optional(),
  fiscalYear: z.number().int().min(1900).max(2200).optional(),
  status: z.enum(CASE_STATUSES),
  tags: z.array(shortText(50).min(1)).max(50).optional(),
  outcomes: z
    .array(
      z.strictObject({
        label: shortText(100).min(1),
        value: z.number().finite(),
        unit: shortText(20),
      }),
    )
    .max(50)
    .optional(),
  evaluation: z
    .strictObject({
      city: rating.optional(),
      partner: rating.optional(),
      note: shortText(1000).optional(),
    })
    .optional(),
  collaboration: collaborationCheck.optional(),
  contact: z
    .strictObject({ name: shortText(100).optional(), section: shortText(100).optional() })
    .optional(),
  sources: z
    .array(
      z.strictObject({
        title: shortText(300).min(1),
        // Links to reports and press releases; other schemes (javascript:, file:) are refused.
        url: z.url({ protocol: /^(https?|mailto)$/ }).max(2000),
      }),
    )
    .max(50)
    .optional(),
  related: z.array(caseId).max(100).optional(),
  lastVerified: isoDate.optional(),
}

/** What the API accepts as metadata from a caller: known fields only. */
export const caseMetaInputSchema = z.strictObject(editableFields) satisfies z.ZodType<CaseMetaInput>

/**
 * case.json as stored. Unknown keys are tolerated on read and carried along on save, so a field
 * written by a newer version or another tool is never dropped by this one.
 */
export const storedCaseMetaSchema = z.looseObject({
  schema: z.literal(1),
  id: caseId,
  ...editableFields,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  revision: z.number().int().min(0),
}) satisfies z.ZodType<CaseMeta>

/** Renders zod issues as "path: message" pairs for the Result's `issues` field. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}
