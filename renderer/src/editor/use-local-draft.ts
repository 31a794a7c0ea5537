import { useState } from 'react'
import { useLibraryInfo } from '../state/library-context'
import { draftKey, dropDraft, readDraft, type LocalDraft } from './local-draft'

/**
 * The edit of this case kept on this computer after a save could not reach the library (see
 * local-draft.ts): read again whenever the library or the case changes.
 */
export function useLocalDraft(id: string | null) {
  const libraryPath = useLibraryInfo()?.path
  const key = libraryPath === undefined ? null : draftKey(libraryPath, id)
  // State derived from a prop, re-read during render when the key changes (React's pattern).
  const [storedFor, setStoredFor] = useState<{ key: string | null; draft: LocalDraft | null }>({
    key: null,
    draft: null,
  })
  if (storedFor.key !== key) setStoredFor({ key, draft: key ? readDraft(key) : null })
  return {
    key,
    stored: storedFor.draft,
    /** Forgets the kept draft, on this computer too. */
    drop() {
      if (key) dropDraft(key)
      setStoredFor({ key, draft: null })
    },
    /** Hides the offer to restore it (the draft was taken into the editor). */
    hide: () => setStoredFor({ key, draft: null }),
  }
}
