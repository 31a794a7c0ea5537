import type { CaseDoc, CaseMetaInput, TagEdit } from '../../common/model'
import { caseMetaInputSchema } from './case-schema'
import type { CaseStore } from './case-store'
import { KbError, bilingual } from './errors'

export type { TagEdit } from '../../common/model'

export interface TagEditPreview {
  /** Cases whose tags would change. */
  ids: string[]
  titles: string[]
}

function sourcesOf(edit: TagEdit): string[] {
  return edit.kind === 'rename' ? [edit.from] : edit.kind === 'merge' ? edit.from : [edit.tag]
}

/** The tags of a case after the edit (order kept, no duplicates). */
export function applyToTags(tags: string[], edit: TagEdit): string[] {
  const sources = new Set(sourcesOf(edit))
  const target = edit.kind === 'delete' ? null : edit.to.trim()
  const result: string[] = []
  for (const tag of tags) {
    const next = sources.has(tag) ? target : tag
    if (next && !result.includes(next)) result.push(next)
  }
  return result
}

export async function previewTagEdit(store: CaseStore, edit: TagEdit): Promise<TagEditPreview> {
  const { cases } = await store.list()
  const sources = new Set(sourcesOf(edit))
  const affected = cases.filter((c) => (c.tags ?? []).some((t) => sources.has(t)))
  return { ids: affected.map((c) => c.id), titles: affected.map((c) => c.title) }
}

/**
 * Renames, merges or deletes a tag in every case that has it. Each case is saved through the
 * store (revision check, atomic write). If any save fails midway, the cases already changed are
 * put back to their previous metadata, so the library is never left half-edited.
 */
export async function applyTagEdit(
  store: CaseStore,
  edit: TagEdit,
): Promise<{ changed: string[] }> {
  if (edit.kind !== 'delete' && edit.to.trim() === '') {
    throw new KbError(
      'invalid',
      bilingual('新しいタグ名を入力してください', 'Enter the new tag name'),
    )
  }
  const { ids } = await previewTagEdit(store, edit)
  const originals: CaseDoc[] = await Promise.all(ids.map((id) => store.get(id)))
  const done: CaseDoc[] = []
  try {
    for (const doc of originals) {
      const meta = { ...inputOf(doc), tags: applyToTags(doc.meta.tags ?? [], edit) }
      if (meta.tags.length === 0) delete (meta as Partial<CaseMetaInput>).tags
      done.push(
        await store.save({
          id: doc.meta.id,
          meta,
          body: doc.body,
          baseRevision: doc.meta.revision,
        }),
      )
    }
  } catch (error) {
    await Promise.allSettled(
      done.map((saved, i) =>
        store.save({
          id: saved.meta.id,
          meta: inputOf(originals[i]!),
          body: originals[i]!.body,
          baseRevision: saved.meta.revision,
        }),
      ),
    )
    throw error
  }
  return { changed: done.map((d) => d.meta.id) }
}

const EDITABLE_KEYS = new Set(Object.keys(caseMetaInputSchema.shape))

/** The editable fields of stored metadata (what `save` accepts). */
export function inputOf(doc: CaseDoc): CaseMetaInput {
  return Object.fromEntries(
    Object.entries(doc.meta).filter(([key]) => EDITABLE_KEYS.has(key)),
  ) as unknown as CaseMetaInput
}
