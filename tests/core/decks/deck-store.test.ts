import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDeckOutline } from '../../../main/core/decks/deck-outline'
import { DeckStore, newDeckId } from '../../../main/core/decks/deck-store'
import type { Deck } from '../../../common/decks/deck-schema'
import { deckWithoutHash } from '../../../common/decks/saved-deck'
import { MISSING_CASE_MESSAGE } from '../../../common/decks/slide-types'
import {
  deckOf,
  expectKbError,
  inputOf,
  sampleLibrary,
  seededRandom,
  tickingClock,
  useTempFolders,
} from './deck-fixtures'

const temp = useTempFolders()

async function store() {
  const library = await sampleLibrary(temp)
  return {
    library,
    decks: new DeckStore(library.root, { now: tickingClock(), random: seededRandom() }),
  }
}

const input = () => inputOf(deckOf(['akiya-taisaku-kyotei']))

describe('DeckStore', () => {
  it('creates a deck as decks/<id>.json in the docs/format.md shape and reads it back', async () => {
    const { library, decks } = await store()
    const deck = await decks.create(input())
    expect(deck.id).toMatch(/^deck-20250401-[a-z0-9]{5}$/)
    const onDisk = JSON.parse(
      await readFile(join(library.root, 'decks', `${deck.id}.json`), 'utf8'),
    )
    expect(onDisk).toEqual({ schema: 1, ...input(), id: deck.id })
    expect(Object.keys(onDisk).sort()).toEqual([
      'author',
      'date',
      'id',
      'items',
      'schema',
      'subtitle',
      'title',
    ])
    expect(await decks.get(deck.id)).toEqual(deck)
  })

  it('lists decks by title with item and case counts, and marks a damaged file instead of failing', async () => {
    const { library, decks } = await store()
    const a = await decks.create({ ...input(), title: 'い研修' })
    const b = await decks.create({ title: 'あ研修', items: [] })
    await writeFile(join(library.root, 'decks', 'broken.json'), '{ not json')
    const list = await decks.list()
    expect(list.map((d) => d.id)).toEqual([b.id, a.id, 'broken'])
    expect(list[1]).toMatchObject({ title: 'い研修', itemCount: 2, caseCount: 1 })
    expect(list[2]!.damaged).toBeTruthy()
    await expectKbError(decks.get('broken'), 'damaged')
  })

  it('saves a changed deck and removes it', async () => {
    const { decks } = await store()
    const deck = await decks.create(input())
    const changed: Deck = {
      ...deckWithoutHash(deck),
      title: '改訂版',
      items: [...deck.items].reverse(),
    }
    const saved = await decks.save(changed)
    expect(deckWithoutHash(saved)).toEqual(changed)
    expect(saved.fileHash).not.toBe(deck.fileHash)
    expect((await decks.get(deck.id)).items[0]!.kind).toBe('text')
    expect(await decks.remove(deck.id)).toEqual({ id: deck.id })
    await expectKbError(decks.get(deck.id), 'not_found')
    await expectKbError(decks.remove(deck.id), 'not_found')
    await expectKbError(decks.save(changed), 'not_found')
  })

  it('refuses invalid ids before touching the file system', async () => {
    const { decks } = await store()
    for (const id of ['../library', 'Deck', '', 'con', 'a/b', 'x'.repeat(65)]) {
      await expectKbError(decks.get(id), 'invalid')
      await expectKbError(decks.remove(id), 'invalid')
    }
    const deck = await decks.create(input())
    await expectKbError(decks.save({ ...deckWithoutHash(deck), id: '../evil' }), 'invalid')
  })

  it('refuses decks that do not match the schema, naming the field', async () => {
    const { decks } = await store()
    const bad = [
      { ...input(), title: '' },
      { ...input(), items: [{ kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['背景'] }] },
      { ...input(), items: [{ kind: 'case', caseId: 'Bad Id', sections: [] }] },
      { ...input(), items: [{ kind: 'slide', title: 'x' }] },
      {
        ...input(),
        items: [{ kind: 'case', caseId: 'kenko-point', sections: ['photos', 'photos'] }],
      },
    ]
    for (const value of bad) {
      const error = await expectKbError(decks.create(value as never), 'invalid')
      expect(error.extra.issues?.length).toBeGreaterThan(0)
    }
  })

  it('keeps a preset and slide-text overrides per section, refusing overrides of unknown sections', async () => {
    const library = await sampleLibrary(temp)
    const store = new DeckStore(library.root)
    const created = await store.create({
      title: '学生との協働',
      preset: 'summary',
      items: [
        {
          kind: 'case',
          caseId: 'kenko-point',
          overrides: { 協働のコツ: '- 撤退時のデータ返還を契約に書く' },
          overrideRevisions: { 協働のコツ: 3 },
        },
      ],
    })
    expect(await store.get(created.id)).toEqual(created)
    const bad = {
      ...deckWithoutHash(created),
      items: [{ kind: 'case', caseId: 'kenko-point', overrides: { 余談: '- x' } }],
    } as unknown as Deck
    await expectKbError(store.save(bad), 'invalid')
    await expectKbError(
      store.save({ ...deckWithoutHash(created), preset: 'huge' } as unknown as Deck),
      'invalid',
    )
  })

  it('refuses unknown keys on write, at the top and inside items', async () => {
    const { decks } = await store()
    const error = await expectKbError(
      decks.create({ ...input(), theme: 'dark' } as never),
      'invalid',
    )
    expect(error.extra.issues?.map((i) => i.message).join()).toMatch(/theme/)
    const deck = await decks.create(input())
    const withExtra = {
      ...deckWithoutHash(deck),
      items: [{ kind: 'text', title: 't', body: '', color: 'red' }],
    }
    await expectKbError(decks.save(withExtra as never), 'invalid')
    await expectKbError(decks.save({ ...deckWithoutHash(deck), schema: 2 } as never), 'invalid')
  })

  it('still opens a deck file with keys a newer version added (dropping them)', async () => {
    const { library, decks } = await store()
    await mkdir(join(library.root, 'decks'), { recursive: true })
    const file = { ...deckOf(['kenko-point']), id: 'deck-future', theme: 'dark' }
    await writeFile(join(library.root, 'decks', 'deck-future.json'), JSON.stringify(file))
    const deck = await decks.get('deck-future')
    expect(deck.title).toBe(file.title)
    expect('theme' in deck).toBe(false)
  })

  it('loads a deck whose case was deleted, and the outline marks that item missing', async () => {
    const { library, decks } = await store()
    const deck = await decks.create({
      title: '研修',
      items: [
        { kind: 'case', caseId: 'kenko-point', sections: ['summary'] },
        { kind: 'case', caseId: 'akiya-taisaku-kyotei', sections: ['summary', '背景・課題'] },
      ],
    })
    await library.trash.remove('akiya-taisaku-kyotei')
    const loaded = await decks.get(deck.id)
    expect(loaded.items).toHaveLength(2)
    const outline = await buildDeckOutline(library, loaded)
    expect(outline.missing).toEqual([{ index: 1, caseId: 'akiya-taisaku-kyotei' }])
    const missing = outline.slides.find((s) => s.kind === 'missing')
    expect(missing).toMatchObject({ caseId: 'akiya-taisaku-kyotei', message: MISSING_CASE_MESSAGE })
  })

  it('makes deck ids that are valid ids and distinct', () => {
    const random = seededRandom(7)
    const ids = new Set(
      Array.from({ length: 200 }, () => newDeckId(new Date('2025-04-01T00:00:00Z'), random)),
    )
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^deck-20250401-[a-z0-9]{5}$/)
  })
})
