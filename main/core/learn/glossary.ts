import type { GlossaryEntry } from '../../../common/learn/glossary'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import { DEFAULT_GLOSSARY } from './glossary-defaults'
import { glossarySchema, storedGlossaryOf } from './learn-settings'

export { DEFAULT_GLOSSARY } from './glossary-defaults'
export {
  findGlossaryTerms,
  glossaryEntriesIn,
  type GlossaryEntry,
  type GlossaryMatch,
} from '../../../common/learn/glossary'

/** The library's glossary (library.json `glossary`), or the defaults when it has none yet. */
export function getGlossary(library: Library): GlossaryEntry[] {
  return (storedGlossaryOf(library.config) ?? DEFAULT_GLOSSARY).map((entry) => ({ ...entry }))
}

/**
 * Replaces the library's glossary (the whole list, as the settings editor sends it). Entries are
 * trimmed and validated; a term may occur once. An empty list is kept as empty, so a library can
 * switch the tooltips off; `resetGlossary` goes back to the defaults.
 */
export async function setGlossary(
  library: Library,
  entries: GlossaryEntry[],
): Promise<GlossaryEntry[]> {
  const parsed = glossarySchema.safeParse(entries)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new KbError(
      'invalid',
      bilingual(
        `用語集の内容が不正です（${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}）`,
        'The glossary is invalid',
      ),
    )
  }
  const glossary = parsed.data.map(({ term, reading, definition }) =>
    reading ? { term, reading, definition } : { term, definition },
  )
  const seen = new Set<string>()
  for (const { term } of glossary) {
    if (seen.has(term)) {
      throw new KbError(
        'invalid',
        bilingual(`用語「${term}」が重複しています`, `The term "${term}" occurs twice`),
      )
    }
    seen.add(term)
  }
  await library.settings.update((config) => ({ ...config, glossary }))
  return glossary
}

/** Removes the library's own glossary, so the defaults apply again. */
export async function resetGlossary(library: Library): Promise<GlossaryEntry[]> {
  await library.settings.update((config) => {
    const rest: Record<string, unknown> = { ...config }
    delete rest.glossary
    return rest as typeof config
  })
  return getGlossary(library)
}
