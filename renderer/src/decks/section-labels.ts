import { DECK_SECTIONS, type DeckSection } from '../../../common/decks/deck-schema'
import type { MessageKey } from '../i18n/ja'

/** The message key of each section a case item can show, in the order of DECK_SECTIONS. */
const SECTION_KEYS: Record<DeckSection, MessageKey> = {
  summary: 'deck.section.summary',
  '背景・課題': 'deck.section.background',
  協働のきっかけ: 'deck.section.trigger',
  共有した目標: 'deck.section.goal',
  役割分担: 'deck.section.roles',
  取り組みの内容: 'deck.section.activities',
  成果と効果: 'deck.section.results',
  協働のコツ: 'deck.section.tips',
  苦労と教訓: 'deck.section.lessons',
  今後の展望: 'deck.section.outlook',
  collaboration: 'deck.section.collaboration',
  outcomes: 'deck.section.outcomes',
  photos: 'deck.section.photos',
}

export function sectionKey(section: DeckSection): MessageKey {
  return SECTION_KEYS[section]
}

/** Chosen sections in the canonical order, whatever order they were ticked in. */
export function orderedSections(chosen: Iterable<DeckSection>): DeckSection[] {
  const set = new Set(chosen)
  return DECK_SECTIONS.filter((s) => set.has(s))
}
