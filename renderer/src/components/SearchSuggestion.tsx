import { api } from '../api'
import { useApiValue } from '../hooks/use-api-value'
import { useI18n } from '../i18n/i18n'

interface Props {
  /** The words of the search box (filters are chips, not words). */
  text: string
  /** How many cases the search found; suggestions appear when it is few. */
  found: number
  onSearch(text: string): void
}

/** Fewer than this many cases found: offer the nearest words of the library. */
export const FEW_RESULTS = 3

/**
 * 「もしかして：子ども食堂」 under a search that found few or no cases: the library's nearest
 * words (search.suggest) for what was typed, one click to search for them instead.
 */
export function SearchSuggestion({ text, found, onSearch }: Props) {
  const { t } = useI18n()
  const wanted = text.trim() !== '' && found < FEW_RESULTS
  const suggestion = useApiValue(
    () =>
      wanted
        ? api.call('search.suggest', text)
        : Promise.resolve({ ok: true as const, value: { query: text, words: [] } }),
    [text, wanted],
  )
  const value = suggestion.value
  if (!wanted || !value || value.words.length === 0 || value.query === text) return null
  return (
    <p className="search-suggestion" role="status">
      {t('suggest.didYouMean')}
      <button
        type="button"
        className="link-button"
        aria-label={t('suggest.apply', { query: value.query })}
        onClick={() => onSearch(value.query)}
      >
        {value.query}
      </button>
    </p>
  )
}
