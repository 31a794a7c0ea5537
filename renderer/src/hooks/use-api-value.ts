import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { ApiError, KbEvent, Result } from '../../../common/api'
import { api } from '../api'

export interface ApiValue<T> {
  /** The last value loaded; kept while a reload is under way so the screen does not flash. */
  value: T | undefined
  error: ApiError | null
  /** True until the first answer for the current dependencies has arrived. */
  loading: boolean
  reload(): void
}

export interface ApiValueOptions {
  /** Which pushed events make the value stale (a save elsewhere, another library opened…). */
  refreshOn?: (event: KbEvent) => boolean
}

/** Any change to the library's files or settings, or another library opened. */
export const onLibraryChange = (event: KbEvent) =>
  event.type === 'library.changed' || event.type === 'library.opened'

/**
 * The one way a screen loads data: calls `load` when `deps` change, on `reload()`, and on every
 * event `refreshOn` accepts. An answer that arrives after a newer load started is dropped, so a
 * fast click through cases never shows the previous one's data.
 */
export function useApiValue<T>(
  load: () => Promise<Result<T>>,
  deps: DependencyList,
  options: ApiValueOptions = {},
): ApiValue<T> {
  const [state, setState] = useState<{ value?: T; error: ApiError | null; loading: boolean }>({
    error: null,
    loading: true,
  })
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const loadRef = useRef(load)
  const refreshOn = useRef(options.refreshOn)
  useEffect(() => {
    loadRef.current = load
    refreshOn.current = options.refreshOn
  })

  // A reload keeps showing the value it replaces; new dependencies (another case) show loading.
  const lastGeneration = useRef(generation)
  useEffect(() => {
    let current = true
    const isReload = lastGeneration.current !== generation
    lastGeneration.current = generation
    if (!isReload) setState((s) => (s.loading ? s : { ...s, loading: true }))
    void loadRef.current().then(
      (result) => {
        if (!current) return
        if (result.ok) setState({ value: result.value, error: null, loading: false })
        else setState((s) => ({ ...s, error: result.error, loading: false }))
      },
      (error: unknown) => {
        if (!current) return
        setState((s) => ({ ...s, error: { code: 'io', message: String(error) }, loading: false }))
      },
    )
    return () => {
      current = false
    }
    // `deps` are the caller's: the load runs again exactly when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (refreshOn.current?.(event)) reload()
      }),
    [reload],
  )

  return { value: state.value, error: state.error, loading: state.loading, reload }
}
