import { z } from 'zod'
import type { KbApi, KbMethod } from '../../preload/contract'
import { caseMetaInputSchema } from '../core/case-schema'
import { ID_PATTERN, isValidId } from '../core/ids'

const caseId = z
  .string()
  .max(64)
  .regex(ID_PATTERN, 'IDが不正です (invalid id)')
  .refine(isValidId, 'Windowsの予約名は使えません (a reserved name on Windows)')
// Base64 of the attachment size limit (25 MB), plus slack for padding.
const base64 = z
  .string()
  .max(Math.ceil((25 * 1024 * 1024 * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 ではありません (not base64)')
const fileName = z.string().min(1).max(120)

/**
 * The argument list of every method, validated at the boundary (IPC and HTTP alike). The
 * mapped type makes the compiler check each schema against the contract: a schema that accepts
 * something the method's signature does not, or a method without a schema, fails to build.
 */
export const argumentSchemas: { [M in KbMethod]: z.ZodType<Parameters<KbApi[M]>> } = {
  'library.info': z.tuple([]),
  'library.open': z.tuple([z.string().min(1).max(1000)]),
  'library.recent': z.tuple([]),
  'cases.list': z.tuple([]),
  'cases.get': z.tuple([caseId]),
  'cases.create': z.tuple([
    z.strictObject({
      meta: caseMetaInputSchema.partial().optional(),
      body: z.string().max(5_000_000).optional(),
    }),
  ]),
  'cases.save': z.tuple([
    z.strictObject({
      id: caseId,
      meta: caseMetaInputSchema,
      body: z.string().max(5_000_000),
      baseRevision: z.number().int().min(0),
    }),
  ]),
  'cases.remove': z.tuple([caseId]),
  'cases.restore': z.tuple([caseId]),
  'cases.trash': z.tuple([]),
  'attachments.list': z.tuple([caseId]),
  'attachments.add': z.tuple([z.strictObject({ caseId, name: fileName, dataBase64: base64 })]),
  'attachments.remove': z.tuple([caseId, fileName]),
}
