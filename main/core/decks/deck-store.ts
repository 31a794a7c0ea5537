import { mkdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { WriteSteps } from '../atomic-write'

import { KbError, bilingual } from '../errors'
import { assertValidId } from '../ids'
import { AtomicJsonFile, jsonDocumentIds } from '../json-file'
import {
  deckInputSchema,
  deckSchema,
  storedDeckSchema,
  type Deck,
  type DeckInput,
  type DeckSummary,
} from '../../../common/decks/deck-schema'
import { errorMessage } from '../../../common/error-message'
import { parseStoredValue, readStoredJson, validInput } from '../stored-json'
import { withUnknownKeys } from './deck-unknown-keys'

export const DECKS_FOLDER = 'decks'

export interface DeckStoreDeps {
  now?: () => Date
  random?: () => number
  writeSteps?: WriteSteps
}

/**
 * A new deck id: `deck-YYYYMMDD-xxxxx`, for the same reasons as case ids (Japanese titles make
 * empty slugs; the random part keeps two trainers on a shared drive from colliding).
 */
export function newDeckId(now: Date, random: () => number): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '')
  let suffix = ''
  for (let i = 0; i < 5; i++)
    suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  return `deck-${date}-${suffix}`
}

/**
 * The slide decks of one library: `decks/<id>.json`, one file per deck, written atomically.
 * A deck only names cases; it never copies them, so a deck whose case was deleted still loads
 * (the outline reports the item as missing).
 */
export class DeckStore {
  private readonly now: () => Date
  private readonly random: () => number

  constructor(
    private readonly root: string,
    private readonly deps: DeckStoreDeps = {},
  ) {
    this.now = deps.now ?? (() => new Date())
    this.random = deps.random ?? Math.random
  }

  get folder(): string {
    return join(this.root, DECKS_FOLDER)
  }

  fileOf(id: string): string {
    return join(this.folder, `${assertValidId(id)}.json`)
  }

  /** Every deck, by title; a file that does not parse is listed last, with `damaged` set. */
  async list(): Promise<DeckSummary[]> {
    const ids = await this.ids()
    const summaries = await Promise.all(
      ids.map(async (id): Promise<DeckSummary> => {
        try {
          const deck = await this.get(id)
          const caseCount = deck.items.filter((item) => item.kind === 'case').length
          return {
            id,
            title: deck.title,
            ...(deck.subtitle !== undefined && { subtitle: deck.subtitle }),
            ...(deck.date !== undefined && { date: deck.date }),
            itemCount: deck.items.length,
            caseCount,
          }
        } catch (error) {
          const reason = errorMessage(error)
          return { id, title: id, itemCount: 0, caseCount: 0, damaged: reason }
        }
      }),
    )
    return summaries.sort(
      (a, b) =>
        Number(Boolean(a.damaged)) - Number(Boolean(b.damaged)) ||
        a.title.localeCompare(b.title, 'ja') ||
        a.id.localeCompare(b.id),
    )
  }

  async get(id: string): Promise<Deck> {
    const deck = await readStoredJson(storedDeckSchema, this.fileOf(id), {
      label: `decks/${id}.json`,
      id: { value: id, from: 'file' },
    })
    if (deck === null) throw deckNotFound(id)
    return deck
  }

  async create(input: DeckInput): Promise<Deck> {
    const fields = validate(deckInputSchema, input)
    const taken = new Set(await this.ids())
    let id = newDeckId(this.now(), this.random)
    while (taken.has(id)) id = newDeckId(this.now(), this.random)
    const deck: Deck = { schema: 1, id, ...fields }
    await this.write(deck.id, deck)
    return deck
  }

  /**
   * Replaces a deck wholly (the builder always sends the whole deck), keeping the keys of the
   * file it replaces that this version does not know (a later version's fields).
   */
  async save(deck: Deck): Promise<Deck> {
    const valid = validate(deckSchema, deck)
    if (!(await this.ids()).includes(valid.id)) throw deckNotFound(valid.id)
    await this.write(valid.id, withUnknownKeys(valid, await this.readRaw(valid.id)))
    return valid
  }

  async remove(id: string): Promise<{ id: string }> {
    try {
      await unlink(this.fileOf(id))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw deckNotFound(id)
      throw error
    }
    return { id }
  }

  private async write(id: string, data: object): Promise<void> {
    await mkdir(this.folder, { recursive: true })
    await new AtomicJsonFile<object>(this.fileOf(id), this.deps.writeSteps).write(data)
  }

  /**
   * The deck file as JSON, for its unknown keys; undefined when it is missing or not a readable
   * deck (a damaged file is replaced as before, with nothing carried over).
   */
  private async readRaw(id: string): Promise<unknown> {
    let text: string
    try {
      text = await readFile(this.fileOf(id), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    try {
      const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
      parseStoredValue(storedDeckSchema, data, {
        label: `decks/${id}.json`,
        id: { value: id, from: 'file' },
      })
      return data
    } catch {
      return undefined
    }
  }

  private ids(): Promise<string[]> {
    return jsonDocumentIds(this.folder)
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return validInput(schema, value, { ja: 'スライド', en: 'deck' })
}

function deckNotFound(id: string): KbError {
  return new KbError(
    'not_found',
    bilingual(`スライド「${id}」は見つかりません`, `Deck ${id} was not found`),
  )
}
