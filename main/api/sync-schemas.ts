import { z } from 'zod'
import type { SyncApi } from '../../common/api'
import { ID_PATTERN, isValidId } from '../core/ids'

const caseId = z.string().max(64).regex(ID_PATTERN).refine(isValidId)
const remote = z.string().max(2000)
const user = z.string().trim().max(200)
const token = z.string().max(4000)
const settings = z.strictObject({
  remote: remote,
  user,
  intervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  syncOnClose: z.boolean(),
  token: token.optional(),
})

/** Argument schemas of the sync methods (issue #12), spread into the table in schemas.ts. */
export const syncArgumentSchemas: { [M in keyof SyncApi]: z.ZodType<Parameters<SyncApi[M]>> } = {
  'sync.status': z.tuple([]),
  'sync.configure': z.tuple([settings]),
  'sync.test': z.tuple([z.strictObject({ remote, user, token: token.optional() })]),
  'sync.run': z.tuple([]),
  'sync.clone': z.tuple([
    z.strictObject({ remote, user, token, path: z.string().min(1).max(1000) }),
  ]),
  'sync.conflicts': z.tuple([]),
  'sync.conflict': z.tuple([z.string().regex(/^c-[0-9]{14}-[a-z0-9]{4}$/)]),
  'sync.resolve': z.tuple([
    z.string().regex(/^c-[0-9]{14}-[a-z0-9]{4}$/),
    z.enum(['mine', 'theirs', 'both']),
  ]),
  'history.list': z.tuple([caseId]),
  'history.restore': z.tuple([caseId, z.string().regex(/^[0-9a-f]{40}$/)]),
}
