import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import { listConflicts } from '../../../main/core/sync/conflict-records'
import { fsckRepository } from '../../helpers/git-http-server'
import {
  editCase,
  filesWithConflictMarkers,
  kbCheck,
  readCase,
  searchIds,
  useOffices,
} from '../../helpers/sync-offices'

const offices = useOffices()
const CASE = 'akiya-taisaku-kyotei'
const OTHER = 'bukatsu-chiiki-iko'
const PICTURE = 'food-loss-genryo'

/** After every sync: check is clean, no markers, the server repository is sound. */
async function expectHealthy(dirs: string[], repoDir: string) {
  for (const dir of dirs) {
    expect((await kbCheck(dir)).code, (await kbCheck(dir)).text).toBe(0)
    expect(await filesWithConflictMarkers(dir)).toEqual([])
  }
  await fsckRepository(repoDir)
}

describe('sync merges that never lose a side', () => {
  it('edits of different cases in two offices both arrive, with no conflicts', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: 'A が更新した概要' }))
    await editCase(b, OTHER, () => ({ summary: 'B が更新した概要' }))
    expect((await sync(a)).status).toBe('synced')
    const fromB = await sync(b)
    expect(fromB).toMatchObject({ status: 'synced', sent: 1, received: 1, conflicts: [] })
    expect((await sync(a)).received).toBe(1)
    for (const dir of [a, b]) {
      expect((await readCase(dir, CASE)).meta.summary).toBe('A が更新した概要')
      expect((await readCase(dir, OTHER)).meta.summary).toBe('B が更新した概要')
    }
    await expectHealthy([a, b], server.repoDir)
  })

  it('merges case.json field by field: different fields both kept, tags as a set, revision = max + 1', async () => {
    const { a, b, sync, server } = await offices.make()
    const original = await readCase(a, CASE)
    const tags = original.meta.tags ?? []
    await editCase(a, CASE, () => ({ summary: 'A の概要', tags: [...tags.slice(1), 'A追加'] }))
    const twiceInB = await editCase(b, CASE, () => ({
      area: 'B の地域',
      tags: [...tags, 'B追加'],
    }))
    await editCase(b, CASE, () => ({ department: 'B の担当課' }))
    await sync(a)
    const result = await sync(b)
    expect(result.status).toBe('synced')
    const merged = await readCase(b, CASE)
    expect(merged.meta).toMatchObject({
      summary: 'A の概要',
      area: 'B の地域',
      department: 'B の担当課',
    })
    expect(merged.meta.tags).toEqual([...tags.slice(1), 'B追加', 'A追加'])
    expect(merged.meta.revision).toBe(twiceInB.meta.revision + 1 + 1)
    await sync(a)
    expect((await readCase(a, CASE)).meta).toEqual(merged.meta)
    await expectHealthy([a, b], server.repoDir)
  })

  it('a field changed differently on both sides keeps the local value and the other side as a searchable conflict copy', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ title: '空き家対策 本庁版タイトル' }))
    await editCase(b, CASE, () => ({ title: '空き家対策 区役所版タイトル' }))
    await sync(a)
    const result = await sync(b)
    expect(result.status).toBe('conflicts')
    expect(result.conflicts).toHaveLength(1)
    const conflict = result.conflicts[0]!
    expect(conflict).toMatchObject({ kind: 'case', path: CASE, fields: ['title'] })
    expect((await readCase(b, CASE)).meta.title).toBe('空き家対策 区役所版タイトル')
    const copy = await readCase(b, conflict.copy!)
    expect(copy.meta.title).toBe('【競合】空き家対策 本庁版タイトル')
    expect(copy.meta.related).toContain(CASE)
    expect((await readCase(b, CASE)).meta.related).toContain(conflict.copy)
    expect(await listConflicts(b)).toEqual([conflict])
    // Both versions travel: office A receives the copy and the record too.
    await sync(a)
    expect((await listConflicts(a)).map((c) => c.id)).toEqual([conflict.id])
    for (const dir of [a, b]) {
      expect(await searchIds(dir, '本庁版タイトル')).toContain(conflict.copy)
      expect(await searchIds(dir, '区役所版タイトル')).toContain(CASE)
    }
    await expectHealthy([a, b], server.repoDir)
  })

  it('case.md: edits of different lines merge; the same lines edited on both sides keep both bodies', async () => {
    const { a, b, sync, server } = await offices.make()
    const body = (await readCase(a, CASE)).body
    const lines = body.split('\n')
    const edited = (index: number, text: string) =>
      lines.map((line, i) => (i === index ? text : line)).join('\n')
    await editCase(a, CASE, () => ({ body: edited(2, '本庁が書き換えた第一段落。') }))
    await editCase(b, CASE, () => ({
      body: edited(lines.length - 2, '区役所が書き足した最後の段落。'),
    }))
    await sync(a)
    expect((await sync(b)).status).toBe('synced')
    const both = (await readCase(b, CASE)).body
    expect(both).toContain('本庁が書き換えた第一段落。')
    expect(both).toContain('区役所が書き足した最後の段落。')
    await sync(a)

    await editCase(a, CASE, (d) => ({
      body: d.body.replace('本庁が書き換えた第一段落。', '本庁の第二稿ほたる'),
    }))
    await editCase(b, CASE, (d) => ({
      body: d.body.replace('本庁が書き換えた第一段落。', '区役所の対案かわせみ'),
    }))
    await sync(a)
    const result = await sync(b)
    expect(result.status).toBe('conflicts')
    const copyId = result.conflicts[0]!.copy!
    expect((await readCase(b, CASE)).body).toContain('区役所の対案かわせみ')
    expect((await readCase(b, copyId)).body).toContain('本庁の第二稿ほたる')
    expect(await searchIds(b, 'ほたる')).toContain(copyId)
    expect(await searchIds(b, 'かわせみ')).toContain(CASE)
    await expectHealthy([b], server.repoDir)
  })

  it('an attachment changed on both sides is never merged as text: both versions are kept byte for byte', async () => {
    const { a, b, sync, server } = await offices.make()
    const file = join('cases', PICTURE, 'attachments', 'foodloss-chart.png')
    const original = await readFile(join(a, file))
    const mine = Buffer.concat([original, Buffer.from([0, 1, 2, 0xff, 0xfe])])
    const theirs = Buffer.concat([original, Buffer.from([0xc3, 0x28, 0xa0, 0xa1])])
    await writeFile(join(a, file), theirs)
    await writeFile(join(b, file), mine)
    await sync(a)
    const result = await sync(b)
    expect(result.status).toBe('conflicts')
    expect(Buffer.compare(await readFile(join(b, file)), mine)).toBe(0)
    const copyId = result.conflicts[0]!.copy!
    const kept = await readFile(join(b, 'cases', copyId, 'attachments', 'foodloss-chart.png'))
    expect(Buffer.compare(kept, theirs)).toBe(0)
    // Office A then gets the merged library: B's version in place, A's own in the copy.
    await sync(a)
    expect(Buffer.compare(await readFile(join(a, file)), mine)).toBe(0)
    expect(
      Buffer.compare(
        await readFile(join(a, 'cases', copyId, 'attachments', 'foodloss-chart.png')),
        theirs,
      ),
    ).toBe(0)
    await expectHealthy([a, b], server.repoDir)
  })

  it('edited on one side, deleted on the other: the edit survives whole and is reported', async () => {
    const { a, b, sync, server } = await offices.make()
    await (await openLibrary(a)).trash.remove(CASE)
    await editCase(b, CASE, () => ({ summary: '区役所が残したい編集' }))
    await (await openLibrary(b)).trash.remove(OTHER)
    await editCase(a, OTHER, () => ({ summary: '本庁が残したい編集' }))
    await sync(a)
    const result = await sync(b)
    expect(result.status).toBe('conflicts')
    expect(result.conflicts.map((c) => [c.kind, c.path]).sort()).toEqual([
      ['edit-delete', `cases/${CASE}`],
      ['edit-delete', `cases/${OTHER}`],
    ])
    await sync(a)
    for (const dir of [a, b]) {
      expect((await readCase(dir, CASE)).meta.summary).toBe('区役所が残したい編集')
      expect((await readCase(dir, OTHER)).meta.summary).toBe('本庁が残したい編集')
    }
    await expectHealthy([a, b], server.repoDir)
  })

  it('library.json merges field by field; a setting changed on both sides keeps both versions', async () => {
    const { a, b, sync, server } = await offices.make()
    const file = 'library.json'
    const change = async (dir: string, edit: (config: Record<string, unknown>) => void) => {
      const config = JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>
      edit(config)
      await writeFile(join(dir, file), JSON.stringify(config, null, 2))
    }
    await change(a, (c) => void (c.name = '本庁の名前'))
    await change(b, (c) => void (c.name = '区役所の名前'))
    await sync(a)
    const result = await sync(b)
    expect(result.conflicts).toMatchObject([{ kind: 'file', path: file, fields: ['name'] }])
    expect(JSON.parse(await readFile(join(b, file), 'utf8')).name).toBe('区役所の名前')
    const kept = JSON.parse(await readFile(join(b, result.conflicts[0]!.copy!), 'utf8'))
    expect(kept.name).toBe('本庁の名前')
    await expectHealthy([a, b], server.repoDir)
  })

  it('new cases created on the same day in two offices get different ids (per-clone code)', async () => {
    const { a, b, sync, server } = await offices.make()
    const sameDay = () => new Date('2026-04-01T09:00:00.000Z')
    const sameDice = () => 0.5
    const inA = await (await openLibrary(a, { now: sameDay, random: sameDice })).cases.create({})
    const inB = await (await openLibrary(b, { now: sameDay, random: sameDice })).cases.create({})
    expect(inA.meta.id).toMatch(/^case-20260401-[a-z0-9]{3}-[a-z0-9]{5}$/)
    expect(inA.meta.id).not.toBe(inB.meta.id)
    await sync(a)
    expect((await sync(b)).status).toBe('synced')
    expect((await readCase(b, inA.meta.id)).meta.id).toBe(inA.meta.id)
    await expectHealthy([b], server.repoDir)
  })
})
