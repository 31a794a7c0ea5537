import { useEffect, useState } from 'react'
import { api } from '../api'

/** Progress of the search index being built in main, or null when it is ready. */
export function useIndexProgress(): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.task === 'index') {
          setProgress(event.done >= event.total ? null : { done: event.done, total: event.total })
        }
        if (event.type === 'index.ready') setProgress(null)
      }),
    [],
  )
  return progress
}
