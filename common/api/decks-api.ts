import type { Deck, DeckInput, DeckSummary } from '../decks/deck-schema'
import type { SavedDeck } from '../decks/saved-deck'
import type { DeckOutline } from '../decks/slide-types'
import type { DeckExportFormat, DeckExportOptions, ExportedFile } from '../model/exchange'
import type { Result } from './result'

/** Slide decks assembled by trainers, their preview and their exports. */
export interface DecksApi {
  'decks.list'(): Promise<Result<{ decks: DeckSummary[] }>>
  /** The deck with the hash of its file as read; send the hash back with `decks.save`. */
  'decks.get'(id: string): Promise<Result<SavedDeck>>
  'decks.create'(input: DeckInput): Promise<Result<SavedDeck>>
  /**
   * Replaces the deck. With `baseFileHash` (the `fileHash` of the deck the edit started from) a
   * save over a file changed since is refused as a `conflict` carrying `currentDeck`; callers
   * without it (scripts, the CLI) replace the file as it is.
   */
  'decks.save'(deck: Deck, baseFileHash?: string): Promise<Result<SavedDeck>>
  'decks.remove'(id: string): Promise<Result<{ id: string }>>
  /** The slides as they will be exported, for the builder's live preview. */
  'decks.outline'(id: string): Promise<Result<DeckOutline>>
  'decks.export'(
    id: string,
    format: DeckExportFormat,
    options?: DeckExportOptions,
  ): Promise<Result<ExportedFile>>
  /** The slides of a deck that is not saved yet (the builder's live preview); writes nothing. */
  'decks.preview'(deck: Deck): Promise<Result<DeckOutline>>
}
