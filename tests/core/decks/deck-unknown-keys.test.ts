import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../common/decks/deck-schema'
import { deckWithoutHash } from '../../../common/decks/saved-deck'
import { DeckStore } from '../../../main/core/decks/deck-store'
import { withUnknownKeys } from '../../../main/core/decks/deck-unknown-keys'
import { useTempFolders } from './deck-fixtures'

const temp = useTempFolders()

// A deck as a later version might write it: keys this version does not know, at the top and on
// items of both kinds.
const FUTURE_FILE = {
  schema: 1,
  id: 'deck-future',
  title: '新任職員研修',
  theme: { name: 'kasumino', accent: '#c0602a' },
  audience: ['新任職員'],
  items: [
    { kind: 'case', caseId: 'akiya-taisaku-kyotei', transition: 'fade', timing: 90 },
    { kind: 'text', title: 'はじめに', body: '協働とは', layout: 'two-column' },
    { kind: 'case', caseId: 'kenko-point', preset: 'summary', transition: 'wipe' },
    { kind: 'text', title: 'まとめ', body: '振り返り', layout: 'closing' },
  ],
}

async function storeWithFutureDeck() {
  const root = await temp.make()
  await mkdir(join(root, 'decks'))
  const file = join(root, 'decks', 'deck-future.json')
  await writeFile(file, JSON.stringify(FUTURE_FILE, null, 2))
  const readFileJson = async () => JSON.parse(await readFile(file, 'utf8')) as typeof FUTURE_FILE
  return { decks: new DeckStore(root), file, readFileJson }
}

describe('DeckStore: keys a newer version wrote survive a read-modify-write', () => {
  it('keeps unknown top-level keys and each item’s unknown keys when the deck is read, edited and saved', async () => {
    const { decks, readFileJson } = await storeWithFutureDeck()
    const deck = await decks.get('deck-future')
    // The API speaks only the keys this version knows.
    expect('theme' in deck).toBe(false)
    expect(deck.items[0]).toEqual({ kind: 'case', caseId: 'akiya-taisaku-kyotei' })

    const [akiya, , kenko, closing] = deck.items
    const saved = await decks.save({
      ...deckWithoutHash(deck),
      title: '新任職員研修（改訂）',
      // Reordered, one text item edited, a new item added.
      items: [
        kenko!,
        akiya!,
        { kind: 'text', title: 'はじめに', body: '協働とは何か' },
        closing!,
        { kind: 'case', caseId: 'food-loss-genryo' },
      ],
    })
    expect(saved.title).toBe('新任職員研修（改訂）')
    expect('theme' in saved).toBe(false)

    const onDisk = await readFileJson()
    expect(onDisk.title).toBe('新任職員研修（改訂）')
    expect(onDisk.theme).toEqual(FUTURE_FILE.theme)
    expect(onDisk.audience).toEqual(['新任職員'])
    expect(onDisk.items).toEqual([
      { kind: 'case', caseId: 'kenko-point', preset: 'summary', transition: 'wipe' },
      { kind: 'case', caseId: 'akiya-taisaku-kyotei', transition: 'fade', timing: 90 },
      { kind: 'text', title: 'はじめに', body: '協働とは何か', layout: 'two-column' },
      { kind: 'text', title: 'まとめ', body: '振り返り', layout: 'closing' },
      { kind: 'case', caseId: 'food-loss-genryo' },
    ])
    // And again: a second save keeps them too.
    await decks.save(deckWithoutHash(await decks.get('deck-future')))
    expect(await readFileJson()).toEqual(onDisk)
  })

  it('drops the unknown keys of a removed item with it, and never brings back a known key the user removed', async () => {
    const { decks, readFileJson } = await storeWithFutureDeck()
    const deck = await decks.get('deck-future')
    const kenko = { kind: 'case' as const, caseId: 'kenko-point' } // preset removed
    await decks.save({ ...deckWithoutHash(deck), items: [kenko] })
    expect((await readFileJson()).items).toEqual([
      { kind: 'case', caseId: 'kenko-point', transition: 'wipe' },
    ])
  })

  it('still replaces a deck file that no longer parses, carrying nothing over', async () => {
    const { decks, file, readFileJson } = await storeWithFutureDeck()
    const deck = await decks.get('deck-future')
    await writeFile(file, '{ "schema": 1, "id": "deck-future", "theme": ')
    await decks.save(deckWithoutHash(deck))
    const onDisk = await readFileJson()
    expect(onDisk.title).toBe(FUTURE_FILE.title)
    expect('theme' in onDisk).toBe(false)
  })
})

describe('withUnknownKeys: which item on disk a saved item is', () => {
  const deck = (items: Deck['items']): Deck => ({ schema: 1, id: 'd', title: 't', items })

  it('gives a text item with unchanged text its own extras even when an edited one comes first', () => {
    const disk = {
      items: [
        { kind: 'text', title: 'A', body: 'a', x: 1 },
        { kind: 'text', title: 'B', body: 'b', x: 2 },
      ],
    }
    const merged = withUnknownKeys(
      deck([
        { kind: 'text', title: 'A（編集）', body: 'a' },
        { kind: 'text', title: 'B', body: 'b' },
      ]),
      disk,
    )
    expect(merged.items).toEqual([
      { kind: 'text', title: 'A（編集）', body: 'a', x: 1 },
      { kind: 'text', title: 'B', body: 'b', x: 2 },
    ])
  })

  it('matches the same case named twice in order, and never gives a case item a text item’s extras', () => {
    const disk = {
      items: [
        { kind: 'case', caseId: 'c', n: 1 },
        { kind: 'text', title: 'T', body: '', n: 9 },
        { kind: 'case', caseId: 'c', n: 2 },
      ],
    }
    const merged = withUnknownKeys(
      deck([
        { kind: 'case', caseId: 'c' },
        { kind: 'case', caseId: 'c' },
        { kind: 'case', caseId: 'other' },
      ]),
      disk,
    )
    expect(merged.items).toEqual([
      { kind: 'case', caseId: 'c', n: 1 },
      { kind: 'case', caseId: 'c', n: 2 },
      { kind: 'case', caseId: 'other' },
    ])
  })

  it('keeps a JSON "__proto__" key as plain data, never as the prototype', () => {
    const disk = JSON.parse('{"__proto__": {"polluted": true}, "items": []}') as unknown
    const merged = withUnknownKeys(deck([]), disk)
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(JSON.parse(JSON.stringify(merged))).toEqual(
      JSON.parse('{"schema":1,"id":"d","title":"t","items":[],"__proto__":{"polluted":true}}'),
    )
  })
})
