import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Dialog } from './Dialog'

/** Asks for a name for the current query; the query itself is shown for reference. */
export function SaveSearchDialog({
  query,
  onSave,
  onClose,
}: {
  query: string
  onSave(name: string): void
  onClose(): void
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  return (
    <Dialog title={t('search.save')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) onSave(name.trim())
        }}
      >
        <p>
          <code>{query}</code>
        </p>
        <label htmlFor="saved-search-name">{t('search.saveName')}</label>
        <div className="inline">
          <input
            id="saved-search-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            autoFocus
          />
          <button type="submit" className="button primary" disabled={!name.trim()}>
            {t('search.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
