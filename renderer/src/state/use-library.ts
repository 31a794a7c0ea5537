import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../common/api'
import type { CaseMeta, DamagedCase, LibraryInfo } from '../../../common/model'
import { api } from '../api'

export interface LibraryState {
  status: 'loading' | 'ready' | 'error'
  info: LibraryInfo | null
  cases: CaseMeta[]
  damaged: DamagedCase[]
  error: ApiError | null
  /** Bumped on every reload: lets dependent queries (search) run again. */
  generation: number
  reload(): void
}

/**
 * The open library's info and case list, reloaded whenever main reports a change (a save in
 * another window, a switch of library) so every screen shows what is on disk.
 */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<Omit<LibraryState, 'reload' | 'generation'>>({
    status: 'loading',
    info: null,
    cases: [],
    damaged: [],
    error: null,
  })
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    let cancelled = false
    void Promise.all([api.call('library.info'), api.call('cases.list')]).then(([info, list]) => {
      if (cancelled) return
      if (!info.ok) return setState((s) => ({ ...s, status: 'error', error: info.error }))
      if (!list.ok) return setState((s) => ({ ...s, status: 'error', error: list.error }))
      setState({
        status: 'ready',
        info: info.value,
        cases: list.value.cases,
        damaged: list.value.damaged,
        error: null,
      })
    })
    return () => {
      cancelled = true
    }
  }, [generation])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'library.changed' || event.type === 'library.opened') reload()
      }),
    [reload],
  )

  return { ...state, generation, reload }
}
