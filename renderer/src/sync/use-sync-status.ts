import { useCallback, useEffect, useState } from 'react'
import type { SyncResult, SyncStatus } from '../../../common/model'
import { api } from '../api'

export interface SyncState {
  status: SyncStatus | null
  /** Progress of a sync under way (from main's progress events), or null. */
  progress: { done: number; total: number } | null
  reload(): void
  /** Runs a sync; resolves with the result or the error message. */
  run(): Promise<{ ok: true; value: SyncResult } | { ok: false; message: string }>
}

/**
 * The sync status of the open library, kept current: reloaded when the library changes or is
 * switched and when a sync (from any window, or the schedule) reports its end.
 */
export function useSyncStatus(): SyncState {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    let cancelled = false
    void api.call('sync.status').then((r) => {
      if (!cancelled && r.ok) setStatus(r.value)
    })
    return () => {
      cancelled = true
    }
  }, [generation])

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.task === 'sync') {
          const finished = event.done >= event.total && event.total > 0 && event.done > 0
          setProgress(finished ? null : { done: event.done, total: event.total })
          if (finished) reload()
        } else if (event.type === 'library.changed' || event.type === 'library.opened') reload()
      }),
    [reload],
  )

  const run = useCallback(async () => {
    setProgress({ done: 0, total: 0 })
    const result = await api.call('sync.run')
    setProgress(null)
    setStatus((s) => (s ? { ...s, running: false } : s))
    reload()
    return result.ok
      ? { ok: true as const, value: result.value }
      : { ok: false as const, message: result.error.message }
  }, [reload])

  return { status, progress, reload, run }
}
