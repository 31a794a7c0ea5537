import { useCallback, useEffect, useState } from 'react'
import type { Deck, DeckPreset } from '../../../common/decks/deck-schema'
import type { SavedDeck } from '../../../common/decks/saved-deck'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from '../hooks/save-state'
import { useSaveShortcut } from '../hooks/use-save-shortcut'
import { useUnsavedGuard } from '../hooks/use-unsaved-guard'
import type { DeckMeta } from './DeckMetaFields'
import { keyItems, type KeyedItem } from './deck-items'

/** The deck as it would be written: optional fields left out when empty, titles trimmed. */
export function deckOf(
  id: string,
  meta: DeckMeta,
  preset: DeckPreset | undefined,
  items: KeyedItem[],
): Deck {
  const optional = (value: string) => value.trim() || undefined
  return {
    schema: 1,
    id,
    title: meta.title.trim(),
    subtitle: optional(meta.subtitle),
    author: optional(meta.author),
    date: optional(meta.date),
    ...(preset && { preset }),
    items: items.map(({ item }) =>
      item.kind === 'text' ? { ...item, title: item.title.trim() } : item,
    ),
  }
}

/** A save refused because the file changed since it was loaded: my deck and the one on disk. */
export interface DeckConflict {
  mine: Deck
  theirs: SavedDeck
}

/**
 * The deck being edited: loaded from `decks.get`, changed in memory, saved whole with
 * `decks.save` (Ctrl+S too) against the hash of the file as loaded, so that a deck another
 * trainer saved meanwhile is never overwritten unseen: the save then answers a conflict for
 * the user to decide (use-deck-conflict.ts). Leaving with unsaved changes asks first. The same
 * builder stays mounted when the route moves to another deck, so state is tagged with the deck
 * it belongs to.
 */
export function useDeckDraft(id: string) {
  const { t } = useI18n()
  const [loadError, setLoadError] = useState<{ id: string; message: string } | null>(null)
  const [loadedId, setLoadedId] = useState<string | null>(null)
  const [meta, setMeta] = useState<DeckMeta | null>(null)
  const [preset, setPreset] = useState<DeckPreset | undefined>(undefined)
  const [items, setItems] = useState<KeyedItem[]>([])
  const [snapshot, setSnapshot] = useState('')
  const [baseHash, setBaseHash] = useState<string | null>(null)
  const [conflict, setConflict] = useState<DeckConflict | null>(null)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [showErrors, setShowErrors] = useState(false)

  /** Makes `deck` (as loaded, or as another trainer saved it) the unchanged state of the builder. */
  const adopt = useCallback((deck: SavedDeck) => {
    const loaded = {
      title: deck.title,
      subtitle: deck.subtitle ?? '',
      author: deck.author ?? '',
      date: deck.date ?? '',
    }
    const keyed = keyItems(deck.items)
    setMeta(loaded)
    setPreset(deck.preset)
    setItems(keyed)
    setSnapshot(JSON.stringify(deckOf(deck.id, loaded, deck.preset, keyed)))
    setBaseHash(deck.fileHash)
    setLoadedId(deck.id)
  }, [])

  useEffect(() => {
    let cancelled = false
    void api.call('decks.get', id).then((r) => {
      if (cancelled) return
      if (!r.ok) return setLoadError({ id, message: r.error.message })
      adopt(r.value)
    })
    return () => {
      cancelled = true
    }
  }, [id, adopt])

  const ready = meta !== null && loadedId === id
  const draft = ready ? deckOf(id, meta, preset, items) : null
  const current = draft ? JSON.stringify(draft) : ''
  const dirty = ready && current !== snapshot
  const emptyTextKeys = new Set(
    items.filter(({ item }) => item.kind === 'text' && !item.title.trim()).map((e) => e.key),
  )

  /**
   * Saves the deck as edited against `base` (the hash of the version it replaces): the one
   * loaded, or, when the user chose to overwrite after a conflict, the one on disk now.
   */
  const saveOver = useCallback(
    async (base: string | null): Promise<boolean> => {
      if (!meta || loadedId !== id) return false
      const problems = [
        ...(meta.title.trim() ? [] : [t('decks.titleRequired')]),
        ...(emptyTextKeys.size ? [t('deck.textTitleRequired')] : []),
      ]
      if (problems.length) {
        setShowErrors(true)
        setSaveState({
          kind: 'failed',
          message: t('deck.invalid', { problems: problems.join('、') }),
        })
        return false
      }
      setSaveState({ kind: 'saving' })
      const deck = deckOf(id, meta, preset, items)
      // Never an undefined second argument: over HTTP it would travel as null.
      const result = await (base === null
        ? api.call('decks.save', deck)
        : api.call('decks.save', deck, base))
      if (!result.ok) {
        const { error } = result
        if (error.code === 'conflict' && error.currentDeck) {
          setConflict({ mine: deck, theirs: error.currentDeck })
          setSaveState({ kind: 'idle' })
        } else {
          setSaveState({ kind: 'failed', message: t('deck.saveFailed', { reason: error.message }) })
        }
        return false
      }
      setShowErrors(false)
      setSnapshot(JSON.stringify(deck))
      setBaseHash(result.value.fileHash)
      setSaveState({ kind: 'saved' })
      return true
    },
    [id, loadedId, meta, preset, items, emptyTextKeys.size, t],
  )
  const save = useCallback(() => saveOver(baseHash), [saveOver, baseHash])

  useSaveShortcut(() => void save())
  const { release: releaseGuard } = useUnsavedGuard(dirty, t('deck.leaveConfirm'))

  return {
    loadError: loadError?.id === id ? loadError : null,
    ready,
    draft,
    meta,
    setMeta,
    preset,
    setPreset,
    items,
    setItems,
    dirty,
    save,
    saveOver,
    saveState,
    setSaveState,
    // A conflict belongs to the deck it was met on, not to the next one the route opens.
    conflict: conflict?.mine.id === id ? conflict : null,
    setConflict,
    adopt,
    releaseGuard,
    showErrors,
    emptyTextKeys,
  }
}
