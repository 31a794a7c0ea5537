import {
  DECK_SECTIONS,
  DEFAULT_DECK_SECTIONS,
  type Deck,
  type DeckCaseItem,
  type DeckPreset,
  type DeckSection,
} from './deck-schema'

/**
 * The sections of each preset. 標準 keeps a case to at most four slides (its divider with the
 * summary, 役割分担, 成果と効果, 協働のコツ), so five cases and the cover, agenda and closing
 * fit a 90-minute session; 概要 is the divider and the figures; 詳細 is everything.
 */
export const PRESET_SECTIONS: Record<DeckPreset, readonly DeckSection[]> = {
  summary: ['summary', 'outcomes'],
  standard: DEFAULT_DECK_SECTIONS,
  detailed: DECK_SECTIONS,
}

export const DEFAULT_PRESET: DeckPreset = 'standard'

/** The preset a case item follows: its own, else the deck's, else 標準. */
export function presetOf(deck: Pick<Deck, 'preset'>, item: DeckCaseItem): DeckPreset {
  return item.preset ?? deck.preset ?? DEFAULT_PRESET
}

/** The sections a case item shows: its own choice, else its preset's. */
export function sectionsOf(deck: Pick<Deck, 'preset'>, item: DeckCaseItem): DeckSection[] {
  return item.sections ? [...item.sections] : [...PRESET_SECTIONS[presetOf(deck, item)]]
}

/**
 * Whether a section too long for one slide continues on more slides. Only 詳細 does: in the
 * other presets a section is one slide of points and the rest of its text is in the notes.
 */
export function continues(deck: Pick<Deck, 'preset'>, item: DeckCaseItem): boolean {
  return presetOf(deck, item) === 'detailed'
}

/**
 * The deck with one preset for every case: the cases' own section choices and presets are
 * dropped (their slide text overrides stay, they are the trainer's work).
 */
export function applyPreset<D extends Pick<Deck, 'preset' | 'items'>>(
  deck: D,
  preset: DeckPreset,
): D {
  return {
    ...deck,
    preset,
    items: deck.items.map((item) => {
      if (item.kind !== 'case') return item
      const rest = { ...item }
      delete rest.sections
      delete rest.preset
      return rest
    }),
  }
}
