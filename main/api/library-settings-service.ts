import type { KbApi } from '../../common/api'
import { asResult } from '../core/errors'
import type { Library } from '../core/library'
import { resolvePartnerTypeLabels } from '../core/search/filter-labels'
import { suggestQuery } from '../core/suggest/nearest-words'
import { createLibraryVocabulary } from '../core/suggest/library-vocabulary'
import { listSavedSearches, removeSavedSearch, saveSearch } from '../core/saved-searches'
import { applyTagEdit, previewTagEdit } from '../core/tag-edits'
import type { LibrarySearchIndex } from './search-index'

type SearchMethods = Pick<
  KbApi,
  | 'search.query'
  | 'search.suggest'
  | 'searches.list'
  | 'searches.save'
  | 'searches.remove'
  | 'tags.preview'
  | 'tags.apply'
  | 'library.setPartnerTypes'
  | 'library.setSynonyms'
  | 'library.synonyms'
>

/** Search, saved searches, tag edits and the library-wide settings (partner types, synonyms). */
export function createSearchService(deps: {
  library: () => Library
  index: () => LibrarySearchIndex
  changed: (ids: string[]) => Promise<void>
}): SearchMethods {
  const { library, index, changed } = deps
  const vocabulary = createLibraryVocabulary(library)
  return {
    'search.query': (query, options) =>
      asResult(() =>
        index().query(resolvePartnerTypeLabels(query, library().config.partnerTypes), options),
      ),
    'search.suggest': (query) => asResult(async () => suggestQuery(query, await vocabulary())),
    'searches.list': () =>
      asResult(async () => ({ searches: listSavedSearches(library().settings) })),
    'searches.save': (input) =>
      asResult(async () => {
        const saved = await saveSearch(library().settings, input)
        await changed([])
        return saved
      }),
    'searches.remove': (id) =>
      asResult(async () => {
        const result = await removeSavedSearch(library().settings, id)
        await changed([])
        return result
      }),
    'tags.preview': (edit) => asResult(() => previewTagEdit(library().cases, edit)),
    'tags.apply': (edit) =>
      asResult(async () => {
        const result = await applyTagEdit(library().cases, edit)
        await changed(result.changed)
        return result
      }),
    'library.setPartnerTypes': (types) =>
      asResult(async () => {
        await library().settings.update((config) => ({ ...config, partnerTypes: types }))
        await changed([])
        return library().info()
      }),
    'library.setSynonyms': (groups) =>
      asResult(async () => {
        const config = await library().settings.update((c) => ({ ...c, synonyms: groups }))
        await index().setSynonyms(config.synonyms)
        await changed([])
        return { synonyms: config.synonyms }
      }),
    'library.synonyms': () => asResult(async () => ({ synonyms: library().config.synonyms })),
  }
}
