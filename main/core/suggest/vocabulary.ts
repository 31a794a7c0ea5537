import type { CaseMeta } from '../../../common/model'

/**
 * The words a library is written in, for 「もしかして」 suggestions: names people search for
 * (titles' words, tags, departments, areas, partner names, glossary terms) and the words that
 * recur in bodies. Built from the cases themselves, not from the search index, whose internal
 * structures are its own business. Each word carries how often it occurs, to prefer common ones.
 */
export type Vocabulary = Map<string, number>

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })
// A word worth suggesting: two or more letters, not only digits or kana particles.
const WORTH = /^(?=.*[\p{Script=Han}\p{Script=Katakana}a-zA-Z])[\p{L}\p{N}ー・]{2,20}$/u

/** Words of a text: segments, and adjacent pairs of segments as compounds (子ども + 食堂). */
export function wordsOf(text: string): string[] {
  const words: string[] = []
  let previous: string | null = null
  for (const part of segmenter.segment(text.normalize('NFKC'))) {
    if (!part.isWordLike) {
      previous = null
      continue
    }
    if (WORTH.test(part.segment)) words.push(part.segment)
    if (previous !== null && WORTH.test(previous + part.segment))
      words.push(previous + part.segment)
    previous = part.segment
  }
  return words
}

/** Names taken whole from the metadata: a tag or a department is a word as it stands. */
export function namesOf(meta: CaseMeta): string[] {
  return [
    ...(meta.tags ?? []),
    meta.department ?? '',
    meta.area ?? '',
    ...(meta.partners ?? []).map((p) => p.name),
  ]
    .map((name) => name.normalize('NFKC').trim())
    .filter((name) => name.length >= 2 && name.length <= 30)
}

/**
 * The vocabulary from each case's words (title, summary, body), its names and the glossary
 * terms. Body words count only when they occur in two cases or more, so a one-off typo in a body
 * never becomes a suggestion; names and glossary terms always count.
 */
export function buildVocabulary(
  perCase: { names: string[]; words: string[] }[],
  glossaryTerms: string[],
): Vocabulary {
  const documentFrequency = new Map<string, number>()
  const vocabulary: Vocabulary = new Map()
  const add = (word: string, weight: number) =>
    vocabulary.set(word, (vocabulary.get(word) ?? 0) + weight)
  for (const { names, words } of perCase) {
    for (const word of new Set(words))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1)
    for (const name of new Set(names)) add(name, 2)
  }
  for (const [word, n] of documentFrequency) if (n >= 2) add(word, n)
  for (const term of glossaryTerms) add(term.normalize('NFKC').trim(), 3)
  vocabulary.delete('')
  return vocabulary
}
