import { useEffect, useState } from 'react'
import type { ApiError } from '../../../common/api'
import type { AttachmentInfo, CaseDoc } from '../../../common/model'
import { api } from '../api'

export interface CaseDocState {
  doc: CaseDoc | null
  attachments: AttachmentInfo[]
  error: ApiError | null
  loading: boolean
}

/** Loads one case and its attachments; reloads when main reports that this case changed. */
export function useCaseDoc(id: string | null): CaseDocState & { reload(): void } {
  const [state, setState] = useState<CaseDocState>({
    doc: null,
    attachments: [],
    error: null,
    loading: true,
  })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (!id) return
    let cancelled = false
    void Promise.all([api.call('cases.get', id), api.call('attachments.list', id)]).then(
      ([doc, files]) => {
        if (cancelled) return
        setState({
          doc: doc.ok ? doc.value : null,
          attachments: files.ok ? files.value.attachments : [],
          error: doc.ok ? null : doc.error,
          loading: false,
        })
      },
    )
    return () => {
      cancelled = true
    }
  }, [id, generation])
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library.changed' && id && event.ids.includes(id))
          setGeneration((g) => g + 1)
      }),
    [id],
  )
  // Still showing another case's data means this one is on its way.
  const loading = state.loading || (state.doc !== null && state.doc.meta.id !== id)
  return { ...state, loading, reload: () => setGeneration((g) => g + 1) }
}
