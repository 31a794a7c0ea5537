import {
  caseItemSchema,
  deckSchema,
  textItemSchema,
  type Deck,
  type DeckItem,
} from '../../../common/decks/deck-schema'

/**
 * Format v1 keeps what it does not know: keys a later version (or another tool) wrote into a
 * deck file survive the app's read-modify-write, as they do in case.json. The API speaks only
 * the keys this version defines (writes stay strict, so a typo never lands on disk); the store
 * puts the file's other keys back on save, at the top level and on each item.
 */

type Json = Record<string, unknown>

const DECK_KEYS = new Set(Object.keys(deckSchema.shape))
const ITEM_KEYS: Record<DeckItem['kind'], Set<string>> = {
  case: new Set(Object.keys(caseItemSchema.shape)),
  text: new Set(Object.keys(textItemSchema.shape)),
}

/**
 * `saved` with the unknown keys of `onDisk` (the file it replaces, as parsed JSON) carried over.
 * Items have no id, so each saved item takes the extras of the item on disk it most likely is:
 * a case item the first unused one with the same caseId; a text item the first unused one with
 * the same title and body, else (its text was edited) the first unused text item left, in order.
 * New items get none; the extras of removed items go with them.
 */
export function withUnknownKeys(saved: Deck, onDisk: unknown): Json {
  if (!isObject(onDisk)) return saved
  const diskItems = Array.isArray(onDisk.items) ? onDisk.items.filter(isObject) : []
  const used = new Set<number>()
  const take = (match: (item: Json) => boolean): Json | undefined => {
    const index = diskItems.findIndex((item, i) => !used.has(i) && match(item))
    if (index < 0) return undefined
    used.add(index)
    return diskItems[index]
  }
  const sameText = (item: DeckItem) => (d: Json) =>
    item.kind === 'text' && d.kind === 'text' && d.title === item.title && d.body === item.body
  // Exact matches first, so an edited text item never takes the extras of an unchanged one.
  const matched = saved.items.map((item) =>
    item.kind === 'case'
      ? take((d) => d.kind === 'case' && d.caseId === item.caseId)
      : take(sameText(item)),
  )
  const items = saved.items.map((item, i) => {
    const from = matched[i] ?? (item.kind === 'text' ? take((d) => d.kind === 'text') : undefined)
    return from ? { ...item, ...unknownKeys(from, ITEM_KEYS[item.kind]) } : item
  })
  return { ...saved, ...unknownKeys(onDisk, DECK_KEYS), items }
}

function unknownKeys(value: Json, known: Set<string>): Json {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.has(key)))
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
