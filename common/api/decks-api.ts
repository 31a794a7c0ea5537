import type { Deck, DeckInput, DeckSummary } from '../decks/deck-schema'
import type { DeckOutline } from '../decks/slide-types'
import type { DeckExportFormat, DeckExportOptions, ExportedFile } from '../model/exchange'
import type { Result } from './result'

/** Slide decks assembled by trainers, their preview and their exports. */
export interface DecksApi {
  'decks.list'(): Promise<Result<{ decks: DeckSummary[] }>>
  'decks.get'(id: string): Promise<Result<Deck>>
  'decks.create'(input: DeckInput): Promise<Result<Deck>>
  'decks.save'(deck: Deck): Promise<Result<Deck>>
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
