import { useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'

/**
 * 「フォルダを選ぶ…」: the system's folder dialog, in the desktop app only. The chosen folder is
 * handed to `onPicked` (which opens it); cancelling does nothing. In a browser (the web host)
 * there is no such dialog, so the button is not shown and the user types the path.
 */
export function LibraryFolderButton({
  onPicked,
  onError,
}: {
  onPicked(path: string): void
  onError(reason: string): void
}) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  if (!api.nativeFolderDialog) return null

  const pick = async () => {
    setBusy(true)
    try {
      const result = await api.call('library.pickFolder')
      if (!result.ok) onError(result.error.message)
      else if (result.value.path) onPicked(result.value.path)
    } finally {
      setBusy(false)
    }
  }

  return (
    <button type="button" className="button" disabled={busy} onClick={() => void pick()}>
      {t('settings.pickFolder')}
    </button>
  )
}
