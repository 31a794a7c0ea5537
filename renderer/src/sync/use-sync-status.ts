import { useCallback, useEffect, useState } from 'react'
import type { SyncResult, SyncStatus } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

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
const isFinished = (event: { done: number; total: number }) =>
  event.done >= event.total && event.total > 0 && event.done > 0

export function useSyncStatus(): SyncState {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const loaded = useApiValue(() => api.call('sync.status'), [], {
    // A sync that ends (from any window, or the schedule) changes the status too.
    refreshOn: (event) =>
      onLibraryChange(event) ||
      (event.type === 'progress' && event.task === 'sync' && isFinished(event)),
  })
  const status = loaded.value ?? null
  const reload = loaded.reload

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'progress' || event.task !== 'sync') return
        setProgress(isFinished(event) ? null : { done: event.done, total: event.total })
      }),
    [],
  )

  const run = useCallback(async () => {
    setProgress({ done: 0, total: 0 })
    const result = await api.call('sync.run')
    setProgress(null)
    reload()
    return result.ok
      ? { ok: true as const, value: result.value }
      : { ok: false as const, message: result.error.message }
  }, [reload])

  return { status, progress, reload, run }
}
