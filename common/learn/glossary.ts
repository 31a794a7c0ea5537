/** One glossary entry as stored in library.json `glossary`. */
export interface GlossaryEntry {
  term: string
  /** Reading in hiragana, shown with the term (e.g. きょうさい). */
  reading?: string
  definition: string
}

/** Where a glossary term occurs in a text: `text.slice(start, end) === term`. */
export interface GlossaryMatch {
  term: string
  start: number
  end: number
  entry: GlossaryEntry
}

/**
 * The glossary terms that occur in `text`, for tooltips: longest terms first and never
 * overlapping, returned in text order. In 「実行委員会・協議会」 both 実行委員会 and 協議会 are
 * found; in 「協働事業提案制度」 with the terms 協働 and 提案制度 both are found; where two terms
 * overlap (「指定管理者」 with 指定管理 and 管理者) the longer one wins, and on equal length the
 * earlier one. Matching is exact (no normalisation), so offsets index the original text.
 */
export function findGlossaryTerms(text: string, glossary: GlossaryEntry[]): GlossaryMatch[] {
  const candidates: GlossaryMatch[] = []
  const seen = new Set<string>()
  for (const entry of glossary) {
    const term = entry.term
    // The first entry for a term wins; an empty term would match everywhere.
    if (term.length === 0 || seen.has(term)) continue
    seen.add(term)
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      candidates.push({ term, start: at, end: at + term.length, entry })
    }
  }
  candidates.sort((a, b) => b.term.length - a.term.length || a.start - b.start)
  const taken: GlossaryMatch[] = []
  for (const match of candidates) {
    if (taken.every((t) => match.end <= t.start || match.start >= t.end)) taken.push(match)
  }
  return taken.sort((a, b) => a.start - b.start)
}

/** The distinct entries whose terms occur in `text`, in order of first occurrence. */
export function glossaryEntriesIn(text: string, glossary: GlossaryEntry[]): GlossaryEntry[] {
  const entries: GlossaryEntry[] = []
  for (const match of findGlossaryTerms(text, glossary))
    if (!entries.includes(match.entry)) entries.push(match.entry)
  return entries
}
