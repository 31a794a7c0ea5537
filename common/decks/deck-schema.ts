import { z } from 'zod'
import { BODY_SECTIONS } from '../model/case'
import { isValidId } from '../id-pattern'

/**
 * What a deck item can show of a case: the summary (on the case's overview slide), any body
 * heading of the template, the measured outcomes and the photos among its attachments.
 */
export const DECK_SECTIONS = [
  'summary',
  ...BODY_SECTIONS,
  'collaboration',
  'outcomes',
  'photos',
] as const
export type DeckSection = (typeof DECK_SECTIONS)[number]

/**
 * How much of each case a deck shows: 概要 (summary and figures), 標準 (the default: summary,
 * 役割分担, 成果と効果, 協働のコツ) or 詳細 (every section, long ones continued on more slides).
 */
export const DECK_PRESETS = ['summary', 'standard', 'detailed'] as const
export type DeckPreset = (typeof DECK_PRESETS)[number]

/**
 * The sections of 標準. New case items leave `sections` out and follow the deck's preset;
 * this list is for code that must name sections explicitly.
 */
export const DEFAULT_DECK_SECTIONS: DeckSection[] = [
  'summary',
  '役割分担',
  '成果と効果',
  '協働のコツ',
]

const idSchema = z.string().refine(isValidId, {
  message: 'IDは半角英小文字・数字・ハイフン、64文字以内です (invalid id)',
})

const sectionKey = z.enum(DECK_SECTIONS)

export const caseItemSchema = z.strictObject({
  kind: z.literal('case'),
  caseId: idSchema,
  /** The case's own choice of sections; absent = the sections of its preset. */
  sections: z
    .array(sectionKey)
    .max(DECK_SECTIONS.length)
    .refine((list) => new Set(list).size === list.length, {
      message: '同じ項目が重複しています (duplicate section)',
    })
    .optional(),
  /** The case's own preset; absent = the deck's. */
  preset: z.enum(DECK_PRESETS).optional(),
  /** The trainer's slide text per section (a Markdown bullet list), used instead of the generated one. */
  overrides: z.partialRecord(sectionKey, z.string().max(5_000)).optional(),
  /** The case's revision when each override was written, to warn when the case moved on. */
  overrideRevisions: z.partialRecord(sectionKey, z.number().int().min(0)).optional(),
})

export const textItemSchema = z.strictObject({
  kind: z.literal('text'),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(20_000),
})

export const deckItemSchema = z.discriminatedUnion('kind', [caseItemSchema, textItemSchema])

const deckFields = {
  title: z.string().trim().min(1).max(200),
  subtitle: z.string().max(300).optional(),
  author: z.string().max(200).optional(),
  /** Free text on purpose: trainers write 「2025年4月 新任職員研修」 as often as a date. */
  date: z.string().max(60).optional(),
  /** How much of each case the deck shows; absent = 標準. */
  preset: z.enum(DECK_PRESETS).optional(),
  items: z.array(deckItemSchema).max(500),
}

/**
 * decks/<id>.json as written (docs/format.md). Strict: a key the format does not define is refused,
 * so a typo in a script never lands on disk unnoticed.
 */
export const deckSchema = z.strictObject({ schema: z.literal(1), id: idSchema, ...deckFields })

/** What `create` takes: everything but the parts the store owns. */
export const deckInputSchema = z.strictObject(deckFields)

export type Deck = z.infer<typeof deckSchema>
export type DeckItem = z.infer<typeof deckItemSchema>
export type DeckCaseItem = z.infer<typeof caseItemSchema>
export type DeckTextItem = z.infer<typeof textItemSchema>
export type DeckInput = z.infer<typeof deckInputSchema>

/**
 * The same shape, but tolerant of keys a newer version may have added: a deck on disk is read
 * with this (unknown keys are dropped) so it still opens; writes go through `deckSchema`, and the
 * store carries the file's unknown keys over (main/core/decks/deck-unknown-keys.ts).
 */
export const storedDeckSchema = z.object({
  schema: z.literal(1),
  id: idSchema,
  ...deckFields,
  items: z.array(z.discriminatedUnion('kind', [caseItemSchema.strip(), textItemSchema.strip()])),
})

/** One line of the deck list. */
export interface DeckSummary {
  id: string
  title: string
  subtitle?: string
  date?: string
  itemCount: number
  caseCount: number
  /** Set when decks/<id>.json could not be read; the other fields are then placeholders. */
  damaged?: string
}
