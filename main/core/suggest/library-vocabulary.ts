import type { Library } from '../library'
import { getGlossary } from '../learn/glossary'
import { buildVocabulary, namesOf, wordsOf, type Vocabulary } from './vocabulary'

/**
 * The open library's vocabulary, kept up to date cheaply: each case's words are remembered with
 * the revision they were read at, so after a save only that case's body is read again.
 */
export function createLibraryVocabulary(library: () => Library) {
  let cache = new Map<string, { stamp: string; names: string[]; words: string[] }>()
  let built: { signature: string; vocabulary: Vocabulary } | null = null
  let forLibrary: Library | null = null

  return async function vocabulary(): Promise<Vocabulary> {
    const current = library()
    if (current !== forLibrary) {
      cache = new Map()
      built = null
      forLibrary = current
    }
    const { cases } = await current.cases.list()
    const next = new Map<string, { stamp: string; names: string[]; words: string[] }>()
    for (const meta of cases) {
      const stamp = `${meta.revision}:${meta.updatedAt}`
      const known = cache.get(meta.id)
      if (known?.stamp === stamp) {
        next.set(meta.id, known)
        continue
      }
      const body = await current.cases.get(meta.id).then(
        (doc) => doc.body,
        () => '',
      )
      next.set(meta.id, {
        stamp,
        names: namesOf(meta),
        words: wordsOf([meta.title, meta.summary ?? '', body].join('\n')),
      })
    }
    cache = next
    // Glossary terms and the synonym groups are words people search for, whether or not a
    // case uses them yet (減災 beside 防災).
    const glossary = [
      ...getGlossary(current).map((entry) => entry.term),
      ...current.config.synonyms.flat(),
    ]
    const signature = [...next].map(([id, v]) => `${id}@${v.stamp}`).join(',') + glossary.join(',')
    if (built?.signature !== signature)
      built = { signature, vocabulary: buildVocabulary([...next.values()], glossary) }
    return built.vocabulary
  }
}
