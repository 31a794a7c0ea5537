import { mkdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { writeFileAtomic, type WriteSteps } from '../atomic-write'

import { KbError, bilingual } from '../errors'
import { assertValidId } from '../ids'
import { withFolderLock } from '../folder-lock'
import { jsonDocumentIds } from '../json-file'
import {
  deckInputSchema,
  deckSchema,
  type Deck,
  type DeckInput,
  type DeckSummary,
} from '../../../common/decks/deck-schema'
import type { SavedDeck } from '../../../common/decks/saved-deck'
import { errorMessage } from '../../../common/error-message'
import { validInput } from '../stored-json'
import { deckFileHash, deckFileText, parseDeckBytes, readDeckBytes } from './deck-file'
import { withUnknownKeys } from './deck-unknown-keys'

/** The lock a deck save holds (in decks/; sync's merge takes it too). */
export const deckLockName = (id: string) => `.${id}.lock`
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

  async get(id: string): Promise<SavedDeck> {
    const bytes = await readDeckBytes(this.fileOf(id))
    if (bytes === null) throw deckNotFound(id)
    return { ...parseDeckBytes(bytes, id).deck, fileHash: deckFileHash(bytes) }
  }

  async create(input: DeckInput): Promise<SavedDeck> {
    const fields = validate(deckInputSchema, input)
    const taken = new Set(await this.ids())
    let id = newDeckId(this.now(), this.random)
    while (taken.has(id)) id = newDeckId(this.now(), this.random)
    const deck: Deck = { schema: 1, id, ...fields }
    return { ...deck, fileHash: await this.write(deck.id, deck) }
  }

  /**
   * Replaces a deck wholly (the builder always sends the whole deck), keeping the keys of the
   * file it replaces that this version does not know (a later version's fields). With
   * `baseFileHash` (the builder sends the hash it loaded) a file changed since is not replaced:
   * the save answers `conflict` with the deck now on disk. Without it (CLI, scripts) the last
   * save wins, as before.
   */
  async save(deck: Deck, baseFileHash?: string): Promise<SavedDeck> {
    const valid = validate(deckSchema, deck)
    if (!(await this.ids()).includes(valid.id)) throw deckNotFound(valid.id)
    // Under the lock, the comparison and the write are one step for every saver of this deck.
    return withFolderLock(join(this.folder, deckLockName(valid.id)), async () => {
      const bytes = await readDeckBytes(this.fileOf(valid.id))
      if (bytes === null) throw deckNotFound(valid.id)
      if (baseFileHash !== undefined && baseFileHash !== deckFileHash(bytes))
        throw deckConflict(valid.id, bytes)
      const raw = readableRaw(bytes, valid.id)
      return { ...valid, fileHash: await this.write(valid.id, withUnknownKeys(valid, raw)) }
    })
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

  /** Writes the deck file and answers the hash of the bytes written. */
  private async write(id: string, data: object): Promise<string> {
    await mkdir(this.folder, { recursive: true })
    const text = deckFileText(data)
    await writeFileAtomic(this.fileOf(id), text, this.deps.writeSteps)
    return deckFileHash(text)
  }

  private ids(): Promise<string[]> {
    return jsonDocumentIds(this.folder)
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return validInput(schema, value, { ja: 'スライド', en: 'deck' })
}

/**
 * The file as JSON, for its unknown keys; undefined when it is not a readable deck (a damaged
 * file is replaced as before, with nothing carried over).
 */
function readableRaw(bytes: Buffer, id: string): unknown {
  try {
    return parseDeckBytes(bytes, id).raw
  } catch {
    return undefined
  }
}

/**
 * Someone changed the file since the saver loaded it: the answer carries the deck now on disk so
 * the builder can show both and let the user choose. A file that no longer parses has no deck
 * to show; the conflict still keeps it from being overwritten unseen.
 */
function deckConflict(id: string, bytes: Buffer): KbError {
  let currentDeck: SavedDeck | undefined
  try {
    currentDeck = { ...parseDeckBytes(bytes, id).deck, fileHash: deckFileHash(bytes) }
  } catch {
    currentDeck = undefined
  }
  return new KbError(
    'conflict',
    bilingual(
      'このスライドは、あなたが開いた後に他の人が変更しています',
      'Someone else changed this deck since you opened it',
    ),
    currentDeck ? { currentDeck } : {},
  )
}

function deckNotFound(id: string): KbError {
  return new KbError(
    'not_found',
    bilingual(`スライド「${id}」は見つかりません`, `Deck ${id} was not found`),
  )
}
