import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import { useDeckExport, type ExportRequest } from './use-deck-export'
import { useNotify } from '../hooks/notify'

const CHOICES: { label: MessageKey; request: ExportRequest }[] = [
  { label: 'deck.exportPptx', request: { format: 'pptx' } },
  { label: 'deck.exportPdf1', request: { format: 'pdf', perPage: 1 } },
  { label: 'deck.exportPdf2', request: { format: 'pdf', perPage: 2 } },
  { label: 'deck.exportMarp', request: { format: 'marp' } },
]

/**
 * The export buttons with their progress and outcome. `beforeExport` saves pending edits first
 * (exports read the saved deck) and returns false when that save failed.
 */
export function ExportBar(props: { deckId: string; beforeExport(): Promise<boolean> }) {
  const { t } = useI18n()
  const notify = useNotify()
  const { state, run } = useDeckExport(props.deckId)
  const running = state.kind === 'running'
  // Handout options: the notes (PDF only) and the contact persons' names (every format's notes).
  const [notes, setNotes] = useState(true)
  const [contacts, setContacts] = useState(true)

  const start = async (request: ExportRequest) => {
    if (!(await props.beforeExport())) return
    const fileName = await run({ ...request, notes, contacts })
    if (fileName) notify(t('deck.exported', { name: fileName }))
  }

  return (
    <div className="export-bar">
      <div className="export-buttons" role="group" aria-label={t('deck.export')}>
        <span className="export-label">{t('deck.export')}</span>
        {CHOICES.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className={`button${choice.request.format === 'pptx' ? ' primary' : ''}`}
            disabled={running}
            onClick={() => void start(choice.request)}
          >
            {t(choice.label)}
          </button>
        ))}
      </div>
      <div className="export-options" role="group" aria-label={t('deck.exportOptions')}>
        <label>
          <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />
          {t('deck.exportNotes')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={contacts}
            onChange={(e) => setContacts(e.target.checked)}
          />
          {t('deck.exportContacts')}
        </label>
      </div>
      <div className="export-status" role="status">
        {running && (
          <>
            <progress
              max={state.total || undefined}
              value={state.total ? state.done : undefined}
              aria-label={t('deck.exportingStart')}
            />
            <span>
              {state.total
                ? t('deck.exporting', { done: state.done, total: state.total })
                : t('deck.exportingStart')}
            </span>
          </>
        )}
      </div>
      {state.kind === 'failed' && (
        <p className="banner error export-error" role="alert">
          {t('deck.exportFailed', { reason: state.message })}
        </p>
      )}
    </div>
  )
}
