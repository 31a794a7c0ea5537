import { useCallback, useEffect, useState } from 'react'
import type { DeckExportFormat } from '../../../common/model'
import { api } from '../api'
import { downloadFile } from '../components/download'
import { errorMessage } from '../../../common/error-message'

export interface ExportRequest {
  format: DeckExportFormat
  perPage?: 1 | 2
  /** Handouts: print the speaker notes (default true). */
  notes?: boolean
  /** Contact persons' names in the notes (default true). */
  contacts?: boolean
}

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; request: ExportRequest; done: number; total: number }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string }

/**
 * Runs `decks.export` for one deck, follows the export's progress events, and downloads the
 * file it returns. One export at a time: the buttons are disabled while one runs.
 */
export function useDeckExport(deckId: string) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const running = state.kind === 'running'

  useEffect(() => {
    if (!running) return
    return api.onEvent((event) => {
      if (event.type !== 'progress' || event.task !== 'export') return
      setState((s) => (s.kind === 'running' ? { ...s, done: event.done, total: event.total } : s))
    })
  }, [running])

  const run = useCallback(
    async (request: ExportRequest) => {
      setState({ kind: 'running', request, done: 0, total: 0 })
      try {
        const result = await api.call('decks.export', deckId, request.format, {
          perPage: request.perPage,
          notes: request.notes ?? true,
          contacts: request.contacts ?? true,
        })
        if (!result.ok) {
          setState({ kind: 'failed', message: result.error.message })
          return null
        }
        downloadFile(result.value)
        setState({ kind: 'done', fileName: result.value.fileName })
        return result.value.fileName
      } catch (error) {
        setState({
          kind: 'failed',
          message: errorMessage(error),
        })
        return null
      }
    },
    [deckId],
  )

  return { state, run, dismiss: () => setState({ kind: 'idle' }) }
}
