import { useCallback } from 'react'
import { api } from '../api'
import { useNotify } from '../hooks/notify'
import { useI18n } from '../i18n/i18n'
import { navigate } from '../routing/use-route'
import type { useDeckDraft } from './use-deck-draft'

/** Deck titles are at most 200 characters; the copy's suffix must still fit. */
const MAX_COPY_BASE = 190

/**
 * The ways out of a deck save conflict: take the saved version (the edit is dropped), overwrite
 * it with the edit (saved against the version now on disk, so a third save meanwhile is again a
 * conflict), or keep both (the edit becomes a new deck, opened next; the original keeps what is
 * on disk). Null while there is no conflict.
 */
export function useDeckConflict(draft: ReturnType<typeof useDeckDraft>) {
  const { t } = useI18n()
  const notify = useNotify()
  const { conflict, setConflict, adopt, saveOver, setSaveState, releaseGuard } = draft

  const copyTitle = conflict
    ? t('deckConflict.copyTitle', { title: conflict.mine.title.slice(0, MAX_COPY_BASE) })
    : ''

  const reload = useCallback(() => {
    if (!conflict) return
    adopt(conflict.theirs)
    setConflict(null)
    setSaveState({ kind: 'idle' })
    notify(t('deckConflict.reloaded'))
  }, [conflict, adopt, setConflict, setSaveState, notify, t])

  const overwrite = useCallback(() => {
    if (!conflict) return
    setConflict(null)
    void saveOver(conflict.theirs.fileHash)
  }, [conflict, setConflict, saveOver])

  const keepCopy = useCallback(async () => {
    if (!conflict) return
    setConflict(null)
    const { subtitle, author, date, preset, items } = conflict.mine
    const copy = { title: copyTitle, subtitle, author, date, preset, items }
    const result = await api.call('decks.create', copy)
    if (!result.ok) {
      // The edit is still in the builder; saving again meets the conflict again.
      setSaveState({
        kind: 'failed',
        message: t('deck.saveFailed', { reason: result.error.message }),
      })
      return
    }
    // The original now is what is on disk; the edit lives on in the copy, opened next.
    adopt(conflict.theirs)
    setSaveState({ kind: 'idle' })
    releaseGuard()
    notify(t('deckConflict.copied', { title: result.value.title }))
    navigate({ name: 'deck', id: result.value.id })
  }, [conflict, copyTitle, setConflict, adopt, setSaveState, releaseGuard, notify, t])

  const cancel = useCallback(() => setConflict(null), [setConflict])

  if (!conflict) return null
  return { ...conflict, copyTitle, reload, overwrite, keepCopy, cancel }
}
