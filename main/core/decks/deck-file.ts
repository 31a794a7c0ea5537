import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { storedDeckSchema, type Deck } from '../../../common/decks/deck-schema'
import { parseStoredJson, type StoredFile } from '../stored-json'

/**
 * A deck file by its bytes: what the builder loaded is compared with what is on disk when it
 * saves, so an edit by another trainer (or another program) since then is seen as a conflict.
 */
export function deckFileHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** decks/<id>.json's text as the store writes it (the same form as AtomicJsonFile). */
export function deckFileText(data: object): string {
  return `${JSON.stringify(data, null, 2)}\n`
}

export function deckFileLabel(id: string): StoredFile {
  return { label: `decks/${id}.json`, id: { value: id, from: 'file' } }
}

/** The file's bytes; null when it does not exist. */
export async function readDeckBytes(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Parses a deck from the very bytes that were hashed, so the hash never describes a newer file
 * than the deck. Throws `damaged` for a file that is not a readable deck.
 */
export function parseDeckBytes(bytes: Buffer, id: string): { deck: Deck; raw: unknown } {
  const text = bytes.toString('utf8')
  const deck = parseStoredJson(storedDeckSchema, text, deckFileLabel(id))
  // parseStoredJson has accepted the text, so it is JSON; the raw form keeps unknown keys.
  const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''))
  return { deck, raw }
}
