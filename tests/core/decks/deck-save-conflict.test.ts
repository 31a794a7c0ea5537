import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../common/decks/deck-schema'
import { deckWithoutHash, type SavedDeck } from '../../../common/decks/saved-deck'
import { DeckStore } from '../../../main/core/decks/deck-store'
import { KbError } from '../../../main/core/errors'
import { newLibrary, openTestSession, useTempFolders } from '../../helpers/temp-library'
import { expectKbError } from './deck-fixtures'

const temp = useTempFolders()

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Two trainers' apps on one shared library folder: two stores, nothing shared in memory. */
async function twoTrainers() {
  const root = await temp.make('kb-deck-conflict-')
  const a = new DeckStore(root)
  const b = new DeckStore(root)
  const created = await a.create({
    title: '新任職員研修',
    items: [{ kind: 'case', caseId: 'akiya-taisaku-kyotei' }],
  })
  const file = join(root, 'decks', `${created.id}.json`)
  const onDisk = async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  return { root, a, b, created, file, onDisk }
}

function edited(deck: SavedDeck, title: string): Deck {
  return { ...deckWithoutHash(deck), title }
}

describe('DeckStore: a save checked against the file hash the editor loaded', () => {
  it('answers create, get and save with the SHA-256 of the file bytes, never written into the file', async () => {
    const { a, created, file, onDisk } = await twoTrainers()
    expect(created.fileHash).toBe(sha256(await readFile(file)))
    expect((await a.get(created.id)).fileHash).toBe(created.fileHash)
    const saved = await a.save(edited(created, '改訂'), created.fileHash)
    expect(saved.fileHash).toBe(sha256(await readFile(file)))
    expect('fileHash' in (await onDisk())).toBe(false)
  })

  it('refuses A’s save over B’s newer save as a conflict carrying B’s deck; the file keeps B’s version; overwriting with the new hash works', async () => {
    const { a, b, created, onDisk } = await twoTrainers()
    const loadedByA = await a.get(created.id)
    const loadedByB = await b.get(created.id)
    const savedByB = await b.save(edited(loadedByB, 'Bの版'), loadedByB.fileHash)

    const error = await expectKbError(
      a.save(edited(loadedByA, 'Aの版'), loadedByA.fileHash),
      'conflict',
    )
    expect(error.message).toContain('あなたが開いた後に他の人が変更しています')
    expect(error.message).toContain('Someone else changed this deck since you opened it')
    expect(error.extra.currentDeck).toEqual(savedByB)
    expect((await onDisk()).title).toBe('Bの版')

    // A chose to overwrite: the save now names the version it replaces.
    const overwritten = await a.save(edited(loadedByA, 'Aの版'), savedByB.fileHash)
    expect((await onDisk()).title).toBe('Aの版')
    // And B, still on its own save's hash, now meets A's version in turn.
    const again = await expectKbError(
      b.save(edited(savedByB, 'Bの再編集'), savedByB.fileHash),
      'conflict',
    )
    expect(again.extra.currentDeck).toEqual(overwritten)
  })

  it('sees an outside edit of the file (another program, same content reformatted) as a conflict', async () => {
    const { a, created, file } = await twoTrainers()
    const reformatted = JSON.stringify(JSON.parse(await readFile(file, 'utf8')))
    await writeFile(file, reformatted)
    const error = await expectKbError(a.save(edited(created, '改訂'), created.fileHash), 'conflict')
    expect(error.extra.currentDeck?.title).toBe('新任職員研修')
    expect(await readFile(file, 'utf8')).toBe(reformatted)
  })

  it('keeps the last-writer-wins save for callers without a hash (CLI, scripts)', async () => {
    const { a, b, created, onDisk } = await twoTrainers()
    await b.save(edited(created, 'Bの版'), created.fileHash)
    await a.save(edited(created, 'スクリプトの版'))
    expect((await onDisk()).title).toBe('スクリプトの版')
  })

  it('refuses a save over a file that no longer parses, without a deck to show, and leaves the file alone', async () => {
    const { a, created, file } = await twoTrainers()
    await writeFile(file, '{ "schema": 1, "title": ')
    const error = await expectKbError(a.save(edited(created, '改訂'), created.fileHash), 'conflict')
    expect(error.extra.currentDeck).toBeUndefined()
    expect(await readFile(file, 'utf8')).toBe('{ "schema": 1, "title": ')
  })

  it('lets exactly one of two saves from the same base win (the lock makes compare-and-write one step), and leaves no lock behind', async () => {
    const { root, a, b, created, onDisk } = await twoTrainers()
    const results = await Promise.allSettled([
      a.save(edited(created, 'Aの版'), created.fileHash),
      b.save(edited(created, 'Bの版'), created.fileHash),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(KbError)
    expect(((lost[0] as PromiseRejectedResult).reason as KbError).code).toBe('conflict')
    expect((await onDisk()).title).toBe((won[0] as PromiseFulfilledResult<SavedDeck>).value.title)
    expect((await readdir(join(root, 'decks'))).sort()).toEqual([`${created.id}.json`])
  })

  it('keeps the keys a newer version wrote when the user overwrites after a conflict', async () => {
    const { a, created, file, onDisk } = await twoTrainers()
    await writeFile(file, JSON.stringify({ ...(await onDisk()), theme: 'kasumino' }, null, 2))
    const error = await expectKbError(
      a.save(edited(created, 'Aの版'), created.fileHash),
      'conflict',
    )
    await a.save(edited(created, 'Aの版'), error.extra.currentDeck!.fileHash)
    expect(await onDisk()).toMatchObject({ title: 'Aの版', theme: 'kasumino' })
  })
})

describe('decks.save through the API dispatch (IPC and HTTP share it)', () => {
  it('takes the base hash as an optional second argument: with it, without it, stale (conflict with the deck on disk) and malformed (invalid)', async () => {
    const { parent, dir } = await newLibrary(temp)
    await mkdir(join(dir, 'decks'), { recursive: true })
    const session = await openTestSession(dir, join(parent, 'app-data'))
    try {
      const created = (await session.dispatch('decks.create', [{ title: '研修', items: [] }])) as {
        ok: true
        value: SavedDeck
      }
      const { id } = created.value
      const got = (await session.dispatch('decks.get', [id])) as { ok: true; value: SavedDeck }
      expect(got.value.fileHash).toBe(created.value.fileHash)

      const withHash = (await session.dispatch('decks.save', [
        edited(got.value, '版1'),
        got.value.fileHash,
      ])) as { ok: true; value: SavedDeck }
      expect(withHash).toMatchObject({ ok: true, value: { title: '版1' } })
      expect(withHash.value.fileHash).not.toBe(got.value.fileHash)

      expect(await session.dispatch('decks.save', [edited(got.value, '版2')])).toMatchObject({
        ok: true,
        value: { title: '版2' },
      })
      expect(
        await session.dispatch('decks.save', [edited(got.value, '版3'), withHash.value.fileHash]),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict', currentDeck: { id, title: '版2' } },
      })
      expect(await session.dispatch('decks.save', [edited(got.value, '版3'), 'x'])).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      })
      // The hash is the store's answer, not part of a deck: a deck that carries it is refused.
      expect(await session.dispatch('decks.save', [got.value])).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      })
    } finally {
      await session.close()
    }
  })
})
