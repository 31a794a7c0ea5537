import type { Deck } from './deck-schema'

/**
 * A deck as the store answers it: the deck plus the hash of its file's bytes as read or written.
 * The hash is never stored in the file; the builder sends it back with `decks.save`, so a save
 * over a file that someone else changed since is refused instead of silently replacing it.
 */
export type SavedDeck = Deck & { fileHash: string }

/** Only the deck, without the store's hash: what a deck file holds and `decks.save` takes. */
export function deckWithoutHash({ fileHash: _hash, ...deck }: SavedDeck): Deck {
  return deck
}
