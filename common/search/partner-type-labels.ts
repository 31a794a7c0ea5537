import type { PartnerType } from '../model/case'

/**
 * People name partner types by what the screen shows (大学, NPO, Universities), filters by key
 * (academia). Shared by the API's query rewrite (main/core/search/filter-labels.ts) and the
 * renderer's chips.
 */
/** Keys of the partner types whose label (ja or en, width- and case-folded) contains `value`. */
export function partnerTypesNamed(value: string, types: PartnerType[]): string[] {
  const wanted = fold(value)
  if (!wanted) return []
  const exact = types.filter((t) => fold(t.ja) === wanted || fold(t.en) === wanted)
  if (exact.length > 0) return exact.map((t) => t.key)
  return types
    .filter((t) => fold(t.ja).includes(wanted) || fold(t.en).includes(wanted))
    .map((t) => t.key)
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().trim()
