import type { SaveCaseInput } from '../../../common/api'
import type { CaseDoc, CaseMetaInput } from '../../../common/model'
import type { LocalDraft } from './local-draft'

/**
 * The version an edit is based on, as a save checks it: the revision, and the hash of the two
 * case files as loaded. An outside edit of case.md keeps the revision; only the hash tells the
 * store not to overwrite it.
 */
export interface SaveBase {
  revision: number
  filesHash?: string | undefined
}

export const baseOf = (doc: CaseDoc): SaveBase => ({
  revision: doc.meta.revision,
  filesHash: doc.filesHash,
})

/** The base a draft kept on this computer was written on; null when it has none (a new case). */
export function baseOfDraft(kept: LocalDraft): SaveBase | null {
  return kept.baseRevision === null
    ? null
    : { revision: kept.baseRevision, filesHash: kept.baseFilesHash }
}

/** What `cases.save` takes for an edit based on `from`. */
export function saveInput(
  id: string,
  meta: CaseMetaInput,
  body: string,
  from: SaveBase,
): SaveCaseInput {
  return {
    id,
    meta,
    body,
    baseRevision: from.revision,
    ...(from.filesHash !== undefined && { baseFilesHash: from.filesHash }),
  }
}

/** The base as a kept draft records it. */
export function draftBaseOf(
  from: SaveBase | null,
): Pick<LocalDraft, 'baseRevision' | 'baseFilesHash'> {
  return {
    baseRevision: from?.revision ?? null,
    ...(from?.filesHash !== undefined && { baseFilesHash: from.filesHash }),
  }
}
