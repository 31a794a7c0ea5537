import type { ApiError, KbEvent, Result } from '../../../common/api'
import type { AttachmentInfo, CaseDoc } from '../../../common/model'
import { api } from '../api'
import { useApiValue } from '../hooks/use-api-value'

export interface CaseDocState {
  doc: CaseDoc | null
  attachments: AttachmentInfo[]
  error: ApiError | null
  loading: boolean
}

async function loadCase(
  id: string,
): Promise<Result<{ doc: CaseDoc; attachments: AttachmentInfo[] }>> {
  const [doc, files] = await Promise.all([
    api.call('cases.get', id),
    api.call('attachments.list', id),
  ])
  if (!doc.ok) return doc
  return {
    ok: true,
    value: { doc: doc.value, attachments: files.ok ? files.value.attachments : [] },
  }
}

/** Loads one case and its attachments; reloads when main reports that this case changed. */
export function useCaseDoc(id: string): CaseDocState & { reload(): void } {
  const loaded = useApiValue(() => loadCase(id), [id], {
    refreshOn: (event: KbEvent) => event.type === 'library.changed' && event.ids.includes(id),
  })
  return {
    doc: loaded.loading ? null : (loaded.value?.doc ?? null),
    attachments: loaded.value?.attachments ?? [],
    error: loaded.error,
    loading: loaded.loading,
    reload: loaded.reload,
  }
}
