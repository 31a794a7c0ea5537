import { z } from 'zod'
import type { SavedSearch } from '../../common/model'
import { KbError, bilingual } from './errors'
import type { LibraryConfigStore } from './library-config-store'

const savedSearchSchema = z.strictObject({
  id: z.string().regex(/^s-[a-z0-9]{1,32}$/),
  name: z.string().trim().min(1).max(100),
  query: z.string().max(1000),
})

/** Saved searches live in library.json (`savedSearches`), shared by everyone using the library. */
export function listSavedSearches(settings: LibraryConfigStore): SavedSearch[] {
  const parsed = z.array(savedSearchSchema).safeParse(settings.current.savedSearches ?? [])
  return parsed.success ? parsed.data : []
}

export async function saveSearch(
  settings: LibraryConfigStore,
  input: { name: string; query: string },
  random: () => number = Math.random,
): Promise<SavedSearch> {
  const name = input.name.trim()
  if (!name) throw new KbError('invalid', bilingual('名前を入力してください', 'Enter a name'))
  const search: SavedSearch = {
    id: `s-${random().toString(36).slice(2, 10) || 'x'}`,
    name,
    query: input.query,
  }
  await settings.update((config) => {
    // Same name: the newer query replaces the older one instead of listing the name twice.
    const others =
      (config.savedSearches as SavedSearch[] | undefined)?.filter((s) => s.name !== name) ?? []
    return { ...config, savedSearches: [...others, search] }
  })
  return search
}

export async function removeSavedSearch(
  settings: LibraryConfigStore,
  id: string,
): Promise<{ id: string }> {
  await settings.update((config) => ({
    ...config,
    savedSearches: ((config.savedSearches as SavedSearch[] | undefined) ?? []).filter(
      (s) => s.id !== id,
    ),
  }))
  return { id }
}
