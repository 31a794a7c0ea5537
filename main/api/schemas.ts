import { z } from 'zod'
import type { KbApi, KbMethod } from '../../common/api'
import { caseMetaInputSchema } from '../core/case-schema'
import { ID_PATTERN, isValidId } from '../core/ids'
import { partnerTypeSchema } from '../core/library-config'
import { deckInputSchema, deckSchema } from '../../common/decks/deck-schema'
import { glossarySchema } from '../core/learn/learn-settings'
import { newPathSchema, savedPathSchema } from '../core/learn/path-store'
import { PARTNER_TYPE_KEY_PATTERN } from '../../common/id-pattern'
import { MAX_ATTACHMENT_BASE64_LENGTH } from '../../common/attachment-limits'
import { syncArgumentSchemas } from './sync-schemas'

const caseId = z
  .string()
  .max(64)
  .regex(ID_PATTERN, 'IDが不正です (invalid id)')
  .refine(isValidId, 'Windowsの予約名は使えません (a reserved name on Windows)')
const base64 = z
  .string()
  .max(MAX_ATTACHMENT_BASE64_LENGTH)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 ではありません (not base64)')
const fileName = z.string().min(1).max(120)
const duplicateChoice = z.enum(['skip', 'replace', 'keep-both'])
const partnerTypeKey = z.string().regex(PARTNER_TYPE_KEY_PATTERN, 'キーが不正です (invalid key)')
const tag = z.string().trim().min(1).max(50)
const tagEdit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rename'), from: tag, to: tag }),
  z.strictObject({ kind: z.literal('merge'), from: z.array(tag).min(1).max(100), to: tag }),
  z.strictObject({ kind: z.literal('delete'), tag }),
])

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
      baseFilesHash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
  ]),
  'cases.remove': z.tuple([caseId]),
  'cases.restore': z.tuple([caseId]),
  'cases.trash': z.tuple([]),
  'attachments.list': z.tuple([caseId]),
  'attachments.add': z.tuple([z.strictObject({ caseId, name: fileName, dataBase64: base64 })]),
  'attachments.remove': z.tuple([caseId, fileName]),
  'search.query': z.tuple([
    z.string().max(1000),
    z
      .strictObject({
        limit: z.number().int().min(0).max(10_000).optional(),
        offset: z.number().int().min(0).optional(),
        sort: z.enum(['relevance', 'year', 'updated']).optional(),
      })
      .optional(),
  ]),
  'search.suggest': z.tuple([z.string().max(1000)]),
  'searches.list': z.tuple([]),
  'searches.save': z.tuple([
    z.strictObject({ name: z.string().min(1).max(100), query: z.string().max(1000) }),
  ]),
  'searches.remove': z.tuple([z.string().min(1).max(40)]),
  'tags.preview': z.tuple([tagEdit]),
  'tags.apply': z.tuple([tagEdit]),
  'library.setPartnerTypes': z.tuple([z.array(partnerTypeSchema).min(1).max(30)]),
  'library.setSynonyms': z.tuple([
    z.array(z.array(z.string().trim().min(1).max(50)).min(2).max(20)).max(500),
  ]),
  'library.synonyms': z.tuple([]),
  'decks.list': z.tuple([]),
  'decks.get': z.tuple([caseId]),
  'decks.create': z.tuple([deckInputSchema]),
  'decks.save': z.tuple([
    deckSchema,
    z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  ]),
  'decks.remove': z.tuple([caseId]),
  'decks.outline': z.tuple([caseId]),
  'decks.export': z.tuple([
    caseId,
    z.enum(['pptx', 'pdf', 'marp', 'html']),
    z
      .strictObject({
        perPage: z.union([z.literal(1), z.literal(2)]).optional(),
        notes: z.boolean().optional(),
        contacts: z.boolean().optional(),
      })
      .optional(),
  ]),
  'decks.preview': z.tuple([deckSchema]),
  'learn.guide': z.tuple([partnerTypeKey]),
  'learn.setGuideIntro': z.tuple([partnerTypeKey, z.string().max(4000)]),
  'learn.related': z.tuple([caseId]),
  'learn.freshness': z.tuple([]),
  'learn.setFreshnessAge': z.tuple([z.number().int().min(1).max(600)]),
  'learn.nominal': z.tuple([]),
  'glossary.get': z.tuple([]),
  'glossary.set': z.tuple([glossarySchema]),
  'paths.list': z.tuple([]),
  'paths.get': z.tuple([caseId]),
  'paths.create': z.tuple([newPathSchema]),
  'paths.save': z.tuple([savedPathSchema]),
  'paths.remove': z.tuple([caseId]),
  'import.prepare': z.tuple([
    z
      .array(z.strictObject({ path: z.string().min(1).max(1000), dataBase64: base64 }))
      .min(1)
      .max(5000),
  ]),
  'import.run': z.tuple([
    z.string().regex(/^[a-f0-9]{16}$/),
    z.union([duplicateChoice, z.record(z.string().max(2000), duplicateChoice)]),
  ]),
  'import.cancel': z.tuple([z.string().regex(/^[a-f0-9]{16}$/)]),
  'exchange.export': z.tuple([
    z.array(caseId).max(100_000),
    z.enum(['package', 'html', 'markdown', 'xlsx', 'pdf']),
  ]),
  'backups.list': z.tuple([caseId]),
  'backups.restore': z.tuple([caseId, z.string().regex(/^[0-9A-Za-z-]{1,60}$/)]),
  // Desktop app (issue #17): the folder picker takes nothing from the renderer.
  'library.pickFolder': z.tuple([]),
  ...syncArgumentSchemas,
}
