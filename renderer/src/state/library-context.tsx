import { createContext, useContext, type ReactNode } from 'react'
import type { GlossaryEntry, LibraryInfo } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { useLibrary, type LibraryState } from './use-library'

interface OpenLibrary {
  library: LibraryState
  /** The glossary, shared by every tooltip; undefined while loading. */
  glossary: GlossaryEntry[] | undefined
  reloadGlossary(): void
}

const LibraryContext = createContext<OpenLibrary | null>(null)

/**
 * The open library for the whole window: info, cases and glossary, loaded once and reloaded on
 * every change main reports (a save, a partner-type or glossary edit, another library opened).
 * Screens read it from here instead of keeping copies that miss events.
 */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const library = useLibrary()
  const glossary = useApiValue(() => api.call('glossary.get'), [], { refreshOn: onLibraryChange })
  return (
    <LibraryContext.Provider
      value={{ library, glossary: glossary.value?.entries, reloadGlossary: glossary.reload }}
    >
      {children}
    </LibraryContext.Provider>
  )
}

function useOpenLibrary(): OpenLibrary {
  const open = useContext(LibraryContext)
  if (!open) throw new Error('library hooks need a LibraryProvider above them')
  return open
}

export const useLibraryState = (): LibraryState => useOpenLibrary().library
/** library.info() of the open library (partner types, path); undefined while loading. */
export const useLibraryInfo = (): LibraryInfo | undefined =>
  useOpenLibrary().library.info ?? undefined
/** The library's glossary; undefined while loading. */
export const useGlossary = (): GlossaryEntry[] | undefined => useOpenLibrary().glossary
/** Loads the glossary again, e.g. right after an edit was saved. */
export const useReloadGlossary = (): (() => void) => useOpenLibrary().reloadGlossary
