import type { CaseMeta, CaseMetaInput } from '../../../common/model'
import { caseMetaInputSchema } from '../case-schema'

const EDITABLE_KEYS = Object.keys(caseMetaInputSchema.shape) as (keyof CaseMetaInput)[]

/** The fields a save accepts, taken from a stored case (for restoring another version as a save). */
export function editableInput(meta: CaseMeta): CaseMetaInput {
  const input: Record<string, unknown> = {}
  for (const key of EDITABLE_KEYS) if (meta[key] !== undefined) input[key] = meta[key]
  return input as unknown as CaseMetaInput
}
