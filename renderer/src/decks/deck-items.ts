import type { DeckItem } from '../../../common/decks/deck-schema'

/**
 * Deck items as the builder holds them: each with a key that survives reordering, so React
 * keeps the row (and its focus) when an item moves. Keys live only in memory, never on disk.
 */
export interface KeyedItem {
  key: number
  item: DeckItem
}

let nextKey = 1

export function keyItems(items: DeckItem[]): KeyedItem[] {
  return items.map((item) => ({ key: nextKey++, item }))
}

export function keyItem(item: DeckItem): KeyedItem {
  return { key: nextKey++, item }
}

/** The list with the entry at `from` moved to `to` (both clamped); the same list if nothing moves. */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to))
  if (from === target || from < 0 || from >= list.length) return list
  const next = [...list]
  const [moved] = next.splice(from, 1)
  next.splice(target, 0, moved!)
  return next
}

/** Case ids in `caseIds` that the deck does not have yet, in order and without duplicates. */
export function newCaseIds(items: DeckItem[], caseIds: string[]): string[] {
  const present = new Set(items.flatMap((i) => (i.kind === 'case' ? [i.caseId] : [])))
  return [...new Set(caseIds)].filter((id) => !present.has(id))
}
