import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CaseDoc, CaseMetaInput } from '../../common/model'
import { BODY_SECTIONS } from '../../common/model'
import { nodeWriteSteps, type WriteSteps } from '../../main/core/atomic-write'
import { openLibrary, type Library } from '../../main/core/library'
import {
  ALL_CASE_JSON_FIELDS,
  copySample,
  expectKbError,
  fullMetaInput,
  inputOf,
  newLibrary,
  sampleCaseIds,
  snapshotTree,
  tempFilesUnder,
  tickingClock,
  useTempFolders,
} from '../helpers/temp-library'

const temp = useTempFolders()

async function readCaseJson(dir: string, id: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, 'cases', id, 'case.json'), 'utf8')) as Record<
    string,
    unknown
  >
}

async function saveEdit(
  library: Library,
  doc: CaseDoc,
  edit: Partial<CaseMetaInput>,
  body = doc.body,
): Promise<CaseDoc> {
  return library.cases.save({
    id: doc.meta.id,
    meta: { ...inputOf(doc.meta), ...edit },
    body,
    baseRevision: doc.meta.revision,
  })
}

describe('CaseStore: creating a case', () => {
  it('creates a draft with a valid id, revision 1, the library’s first partner type and the body template', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    expect(doc.meta.id).toMatch(/^case-20250401-[a-z0-9]{5}$/)
    expect(doc.meta).toMatchObject({
      schema: 1,
      title: '新しい事例',
      status: 'draft',
      partnerTypes: ['community'],
      revision: 1,
    })
    expect(doc.meta.createdAt).toBe(doc.meta.updatedAt)
    for (const heading of BODY_SECTIONS) expect(doc.body).toContain(`## ${heading}\n`)
    expect((await readdir(join(dir, 'cases', doc.meta.id))).sort()).toEqual([
      'case.json',
      'case.md',
    ])
    expect(await readFile(join(dir, 'cases', doc.meta.id, 'case.md'), 'utf8')).toBe(doc.body)
  })

  it('gives every new case a different id', async () => {
    const { library } = await newLibrary(temp)
    const ids = new Set<string>()
    for (let i = 0; i < 5; i++) ids.add((await library.cases.create({})).meta.id)
    expect(ids.size).toBe(5)
    expect((await library.cases.list()).cases).toHaveLength(5)
  })

  it('refuses metadata naming a partner type the library does not define, writing nothing', async () => {
    const { dir, library } = await newLibrary(temp)
    const before = await snapshotTree(dir)
    const error = await expectKbError(
      library.cases.create({ meta: { partnerTypes: ['aliens'] } }),
      'invalid',
    )
    expect(error.extra.issues?.[0]?.path).toBe('partnerTypes')
    expect(await snapshotTree(dir)).toEqual(before)
  })
})

describe('CaseStore: every case.json field survives the round trip', () => {
  it('keeps every field through create → get → save → get and through a fresh openLibrary', async () => {
    const { dir, library } = await newLibrary(temp)
    const body = '## 背景・課題\n\n空き店舗が増えていた。\n'
    const created = await library.cases.create({ meta: fullMetaInput(), body })
    const id = created.meta.id
    // period.end null (ongoing) and fiscalYear derived from 2024-03 by the April rule.
    expect(created.meta).toMatchObject({ ...fullMetaInput(), fiscalYear: 2023, revision: 1 })
    expect(created.meta.period).toEqual({ start: '2024-03', end: null })
    expect(await library.cases.get(id)).toEqual(created)

    // Every one of the 24 fields of format v1 is on disk.
    expect(Object.keys(await readCaseJson(dir, id)).sort()).toEqual(
      [...ALL_CASE_JSON_FIELDS].sort(),
    )

    const edited = fullMetaInput({
      title: '改訂後の事例名',
      summary: '改訂した概要',
      partnerTypes: ['npo'],
      partners: [{ name: 'NPO法人まちづくり', type: 'npo', role: '運営' }],
      forms: ['委託'],
      initiatedBy: 'partner',
      department: '市民協働課',
      area: '北部地区',
      period: { start: '2024-04-15', end: '2025-03' },
      fiscalYear: 2030,
      status: 'archived',
      tags: ['改訂'],
      outcomes: [{ label: '参加者数', value: 120, unit: '人' }],
      evaluation: { city: 1, partner: 5 },
      contact: { section: '市民協働課' },
      sources: [{ title: '記事', url: 'https://example.org/a?b=c#d' }],
      related: ['a', 'b-2'],
      lastVerified: '2026-02-28',
    })
    const saved = await library.cases.save({
      id,
      meta: edited,
      body: '改訂した本文\n',
      baseRevision: 1,
    })
    expect(saved.meta).toEqual({
      ...edited,
      schema: 1,
      id,
      createdAt: created.meta.createdAt,
      updatedAt: saved.meta.updatedAt,
      revision: 2,
    })
    expect(saved.meta.updatedAt > created.meta.updatedAt).toBe(true)
    expect(await library.cases.get(id)).toEqual(saved)

    const reopened = await openLibrary(dir)
    expect(await reopened.cases.get(id)).toEqual(saved)
    expect((await reopened.cases.list()).cases).toEqual([saved.meta])
  })

  it('keeps only the required fields when the optional ones are absent', async () => {
    const { library } = await newLibrary(temp)
    const minimal: CaseMetaInput = { title: '最小', partnerTypes: ['public'], status: 'draft' }
    const created = await library.cases.create({ meta: minimal, body: '' })
    expect(inputOf(created.meta)).toEqual(minimal)
    expect(created.meta.fiscalYear).toBeUndefined()
    expect((await library.cases.get(created.meta.id)).body).toBe('')
  })

  it.each([
    ['2024-03', 2023],
    ['2024-03-31', 2023],
    ['2024-04', 2024],
    ['2024-04-01', 2024],
    ['2024-12', 2024],
    ['2025-01', 2024],
  ])(
    'derives fiscalYear from period.start %s as %i (April rule) when absent',
    async (start, fy) => {
      const { dir, library } = await newLibrary(temp)
      const doc = await library.cases.create({ meta: { period: { start } } })
      expect(doc.meta.fiscalYear).toBe(fy)
      expect((await library.cases.get(doc.meta.id)).meta.fiscalYear).toBe(fy)
      expect((await readCaseJson(dir, doc.meta.id)).fiscalYear).toBe(fy)
    },
  )

  it('derives fiscalYear when reading a case.json that has none', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({ meta: { period: { start: '2024-04' } } })
    const raw = await readCaseJson(dir, doc.meta.id)
    delete raw.fiscalYear
    await writeFile(join(dir, 'cases', doc.meta.id, 'case.json'), JSON.stringify(raw))
    expect((await library.cases.get(doc.meta.id)).meta.fiscalYear).toBe(2024)
  })

  it('keeps an explicit fiscalYear and re-derives it when a save leaves it out', async () => {
    const { library } = await newLibrary(temp)
    const doc = await library.cases.create({
      meta: { period: { start: '2024-05' }, fiscalYear: 2020 },
    })
    expect(doc.meta.fiscalYear).toBe(2020)
    const meta = { ...inputOf(doc.meta), period: { start: '2023-02' } }
    delete meta.fiscalYear
    const saved = await library.cases.save({
      id: doc.meta.id,
      meta,
      body: doc.body,
      baseRevision: 1,
    })
    expect(saved.meta.fiscalYear).toBe(2022)
  })

  it('adds exactly 1 to the revision on every save and keeps createdAt', async () => {
    const { library } = await newLibrary(temp)
    let doc = await library.cases.create({})
    for (let i = 2; i <= 5; i++) {
      doc = await saveEdit(library, doc, { title: `版 ${i}` })
      expect(doc.meta.revision).toBe(i)
    }
    const onDisk = await library.cases.get(doc.meta.id)
    expect(onDisk.meta.revision).toBe(5)
    expect(onDisk.meta.title).toBe('版 5')
    expect(onDisk.meta.createdAt).toBe('2025-04-01T00:00:01.000Z')
  })

  it('carries unknown keys of case.json (written by a newer version or another tool) across a save', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    const file = join(dir, 'cases', doc.meta.id, 'case.json')
    const raw = await readCaseJson(dir, doc.meta.id)
    raw['x-future'] = { reviewedBy: '監査課', flags: [1, 2] }
    await writeFile(file, JSON.stringify(raw, null, 2))
    await saveEdit(library, doc, { title: '更新' })
    const after = await readCaseJson(dir, doc.meta.id)
    expect(after['x-future']).toEqual({ reviewedBy: '監査課', flags: [1, 2] })
    expect(after).toMatchObject({ title: '更新', revision: 2 })
  })

  it('reads a case.json that starts with a byte-order mark', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    const file = join(dir, 'cases', doc.meta.id, 'case.json')
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`)
    expect((await library.cases.get(doc.meta.id)).meta).toEqual(doc.meta)
  })
})

describe('CaseStore: refusing bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'あ'.repeat(201) }, 'title'],
    ['no partner type', { partnerTypes: [] }, 'partnerTypes'],
    ['an unknown status', { status: 'secret' }, 'status'],
    ['an unknown form', { forms: ['談合'] }, 'forms.0'],
    [
      'a period ending before it starts',
      { period: { start: '2024-05', end: '2024-04' } },
      'period',
    ],
    ['month 13', { period: { start: '2024-13' } }, 'period.start'],
    ['a rating of 6', { evaluation: { city: 6 } }, 'evaluation.city'],
    ['a non-URL source', { sources: [{ title: 't', url: 'not a url' }] }, 'sources.0.url'],
    ['an invalid related id', { related: ['../x'] }, 'related.0'],
    ['a key the format does not define', { revision: 99 }, '(root)'],
  ])(
    'refuses %s with code invalid and the field in extra.issues, changing nothing',
    async (_what, edit, path) => {
      const { dir, library } = await newLibrary(temp)
      const doc = await library.cases.create({ meta: fullMetaInput() })
      const before = await snapshotTree(dir)
      const error = await expectKbError(
        library.cases.save({
          id: doc.meta.id,
          meta: { ...inputOf(doc.meta), ...edit } as CaseMetaInput,
          body: 'x',
          baseRevision: 1,
        }),
        'invalid',
      )
      expect(error.extra.issues?.map((i) => i.path)).toContain(path)
      expect(await snapshotTree(dir)).toEqual(before)
    },
  )

  it('answers not_found for a well-formed id that has no case, for get and save', async () => {
    const { library } = await newLibrary(temp)
    await expectKbError(library.cases.get('no-such-case'), 'not_found')
    await expectKbError(
      library.cases.save({ id: 'no-such-case', meta: fullMetaInput(), body: '', baseRevision: 1 }),
      'not_found',
    )
  })
})

describe('CaseStore: concurrent edits never lose an update', () => {
  it('refuses a save based on a stale revision with conflict, carrying the other version, and keeps it on disk', async () => {
    const { dir, library } = await newLibrary(temp)
    const created = await library.cases.create({ meta: fullMetaInput(), body: '元の本文\n' })
    const id = created.meta.id
    const a = await openLibrary(dir, { now: tickingClock('2025-05-01T00:00:00.000Z') })
    const b = await openLibrary(dir, { now: tickingClock('2025-05-02T00:00:00.000Z') })
    const docA = await a.cases.get(id)
    const docB = await b.cases.get(id)
    expect(docA.meta.revision).toBe(1)
    expect(docB.meta.revision).toBe(1)

    const savedA = await saveEdit(a, docA, { title: 'Aの編集' }, 'Aの本文\n')
    const error = await expectKbError(
      saveEdit(b, docB, { title: 'Bの編集' }, 'Bの本文\n'),
      'conflict',
    )
    expect(error.extra.current).toEqual(savedA)

    const onDisk = await openLibrary(dir).then((l) => l.cases.get(id))
    expect(onDisk).toEqual(savedA)
    expect(onDisk.meta.title).toBe('Aの編集')
    expect(onDisk.body).toBe('Aの本文\n')

    // After reloading, B can save on top of A's version.
    const savedB = await saveEdit(b, error.extra.current!, { title: 'Bの編集' })
    expect(savedB.meta.revision).toBe(3)
  })

  it('lets exactly one of ten simultaneous saves from two instances win; the rest conflict and the file stays valid', async () => {
    const { dir, library } = await newLibrary(temp)
    const created = await library.cases.create({ meta: fullMetaInput(), body: 'rev1\n' })
    const id = created.meta.id
    const a = await openLibrary(dir)
    const b = await openLibrary(dir)
    const attempts = Array.from({ length: 10 }, (_, i) =>
      saveEdit(i % 2 === 0 ? a : b, created, { title: `編集 ${i}` }, `本文 ${i}\n`),
    )
    const results = await Promise.allSettled(attempts)
    const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(9)
    for (const loser of losers) expect(loser).toMatchObject({ code: 'conflict' })

    const raw = JSON.parse(await readFile(join(dir, 'cases', id, 'case.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(raw).toMatchObject({ revision: 2, title: winners[0]!.meta.title })
    expect(await library.cases.get(id)).toEqual(winners[0])
    expect(await readdir(join(dir, 'cases', id))).toEqual(expect.not.arrayContaining(['.lock']))
    expect(await tempFilesUnder(dir)).toEqual([])
  })

  it('refuses a save to a case that was deleted meanwhile with not_found', async () => {
    const { library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    await library.trash.remove(doc.meta.id)
    await expectKbError(saveEdit(library, doc, { title: 'x' }), 'not_found')
  })
})

describe('CaseStore: a failed write', () => {
  /** Write steps whose rename onto case.json fails while `armed`. */
  function failingCaseJsonSteps() {
    const state = { armed: false }
    const steps: WriteSteps = {
      ...nodeWriteSteps,
      rename: (from, to) =>
        state.armed && to.endsWith('case.json')
          ? Promise.reject(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))
          : nodeWriteSteps.rename(from, to),
    }
    return { state, steps }
  }

  it('keeps case.json at the old revision, byte-identical, when writing it fails', async () => {
    const { state, steps } = failingCaseJsonSteps()
    const { dir, library } = await newLibrary(temp, { writeSteps: steps })
    const doc = await library.cases.create({ body: '元の本文\n' })
    const file = join(dir, 'cases', doc.meta.id, 'case.json')
    const before = await readFile(file)
    state.armed = true
    await expect(saveEdit(library, doc, { title: '失敗する保存' }, '新しい本文\n')).rejects.toThrow(
      'EIO',
    )
    expect(await readFile(file)).toEqual(before)
    expect(await tempFilesUnder(dir)).toEqual([])
    state.armed = false
    expect((await library.cases.get(doc.meta.id)).meta.revision).toBe(1)
  })

  // case.md is written before case.json; when case.json fails, the old body is put back.
  it('leaves case.md unchanged too when a save fails while writing case.json', async () => {
    const { state, steps } = failingCaseJsonSteps()
    const { dir, library } = await newLibrary(temp, { writeSteps: steps })
    const doc = await library.cases.create({ body: '元の本文\n' })
    state.armed = true
    await expect(
      saveEdit(library, doc, { title: '失敗する保存' }, '新しい本文\n'),
    ).rejects.toThrow()
    state.armed = false
    expect(await readFile(join(dir, 'cases', doc.meta.id, 'case.md'), 'utf8')).toBe('元の本文\n')
  })
})

describe('CaseStore: damaged case files', () => {
  async function sampleWithDamage() {
    const parent = await temp.make()
    const dir = await copySample(parent)
    const ids = await sampleCaseIds()
    const [notJson, badSchema, wrongId] = ids as [string, string, string]
    const file = (id: string) => join(dir, 'cases', id, 'case.json')
    await writeFile(file(notJson), '{"schema": 1, "id": "trunc')
    const bad = JSON.parse(await readFile(file(badSchema), 'utf8')) as Record<string, unknown>
    await writeFile(file(badSchema), JSON.stringify({ ...bad, status: 'secret', revision: -1 }))
    const other = JSON.parse(await readFile(file(wrongId), 'utf8')) as Record<string, unknown>
    await writeFile(file(wrongId), JSON.stringify({ ...other, id: 'someone-else' }))
    const bytes = {
      [notJson]: await readFile(file(notJson)),
      [badSchema]: await readFile(file(badSchema)),
      [wrongId]: await readFile(file(wrongId)),
    }
    return { dir, ids, notJson, badSchema, wrongId, bytes, file }
  }

  it('lists invalid JSON, schema failures and a mismatched id as damaged with file and reason; every other case loads', async () => {
    const { dir, ids, notJson, badSchema, wrongId } = await sampleWithDamage()
    const { cases, damaged } = await (await openLibrary(dir)).cases.list()
    expect(cases.map((c) => c.id).sort()).toEqual(
      ids.filter((id) => ![notJson, badSchema, wrongId].includes(id)),
    )
    const byId = Object.fromEntries(damaged.map((d) => [d.id, d]))
    expect(Object.keys(byId).sort()).toEqual([notJson, badSchema, wrongId].sort())
    for (const id of [notJson, badSchema, wrongId]) {
      expect(byId[id]!.file).toBe(`cases/${id}/case.json`)
    }
    expect(byId[notJson]!.reason).toMatch(/not valid JSON/)
    expect(byId[badSchema]!.reason).toMatch(/status/)
    expect(byId[badSchema]!.reason).toMatch(/revision/)
    expect(byId[wrongId]!.reason).toMatch(/someone-else.*does not match the folder name/)
  })

  it('never changes a damaged case.json: listing, getting and saving leave it byte-identical, and the save is refused as damaged', async () => {
    const { dir, notJson, badSchema, wrongId, bytes, file } = await sampleWithDamage()
    const library = await openLibrary(dir)
    await library.cases.list()
    for (const id of [notJson, badSchema, wrongId]) {
      await expectKbError(library.cases.get(id), 'damaged')
      await expectKbError(
        library.cases.save({ id, meta: fullMetaInput(), body: '上書き\n', baseRevision: 1 }),
        'damaged',
      )
      expect(await readFile(file(id))).toEqual(bytes[id])
    }
    expect(await tempFilesUnder(dir)).toEqual([])
  })

  it('reports a case folder without case.json, and a folder whose name is not an id, as damaged', async () => {
    const { dir, library } = await newLibrary(temp)
    await library.cases.create({})
    await mkdir(join(dir, 'cases', 'empty-case'))
    await mkdir(join(dir, 'cases', 'Bad_Name'))
    const { cases, damaged } = await library.cases.list()
    expect(cases).toHaveLength(1)
    expect(damaged).toEqual(
      expect.arrayContaining([
        {
          id: 'empty-case',
          file: 'cases/empty-case/case.json',
          reason: expect.stringMatching(/missing/),
        },
        {
          id: 'Bad_Name',
          file: 'cases/Bad_Name/case.json',
          reason: expect.stringMatching(/not a valid id/),
        },
      ]),
    )
  })

  it('ignores stray temp files and lock folders left by a crash when listing', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    await writeFile(join(dir, 'cases', doc.meta.id, '.kbtmp-case.json.abc123'), '{"half')
    await mkdir(join(dir, 'cases', '.kbtmp-stray'))
    const { cases, damaged } = await library.cases.list()
    expect(cases.map((c) => c.id)).toEqual([doc.meta.id])
    expect(damaged).toEqual([])
  })
})

describe('CaseTrash: delete and restore', () => {
  it('moves a deleted case whole into .trash/ and restores it with identical content', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({ meta: fullMetaInput(), body: '本文\n' })
    const id = doc.meta.id
    await library.attachments.add(id, 'photo.png', new Uint8Array([1, 2, 3]))
    const folder = join(dir, 'cases', id)
    const before = await snapshotTree(folder)

    expect(await library.trash.remove(id)).toEqual({ id })
    expect(await readdir(join(dir, 'cases'))).toEqual([])
    const trashed = await readdir(join(dir, '.trash'))
    expect(trashed).toHaveLength(1)
    expect(trashed[0]!.startsWith(`${id}~`)).toBe(true)
    expect(await snapshotTree(join(dir, '.trash', trashed[0]!))).toEqual(before)
    expect((await library.cases.list()).cases).toEqual([])
    await expectKbError(library.cases.get(id), 'not_found')

    const listed = await library.trash.list()
    expect(listed).toEqual([{ id, title: doc.meta.title, deletedAt: expect.any(String) }])
    expect(Number.isNaN(Date.parse(listed[0]!.deletedAt))).toBe(false)

    expect(await library.trash.restore(id)).toEqual({ id })
    expect(await snapshotTree(folder)).toEqual(before)
    expect(await library.cases.get(id)).toEqual(doc)
    expect(await library.trash.list()).toEqual([])
  })

  it('keeps both copies when the same id is deleted twice, and restores the newer one first', async () => {
    // random() always 0 makes create produce the same id again once the first is deleted.
    const { dir, library } = await newLibrary(temp, { random: () => 0 })
    const first = await library.cases.create({ body: '一回目\n' })
    await library.trash.remove(first.meta.id)
    const second = await library.cases.create({ body: '二回目\n' })
    expect(second.meta.id).toBe(first.meta.id)
    await library.trash.remove(second.meta.id)

    expect(await readdir(join(dir, '.trash'))).toHaveLength(2)
    expect((await library.trash.list()).map((t) => t.id)).toEqual([first.meta.id, first.meta.id])

    await library.trash.restore(first.meta.id)
    expect((await library.cases.get(first.meta.id)).body).toBe('二回目\n')
    await library.trash.remove(first.meta.id)
    expect(await readdir(join(dir, '.trash'))).toHaveLength(2)
  })

  it('refuses to restore over an existing case with the same id (conflict), changing nothing', async () => {
    const { dir, library } = await newLibrary(temp, { random: () => 0 })
    const first = await library.cases.create({ body: '削除した版\n' })
    await library.trash.remove(first.meta.id)
    await library.cases.create({ body: '今の版\n' })
    const before = await snapshotTree(dir)
    await expectKbError(library.trash.restore(first.meta.id), 'conflict')
    expect(await snapshotTree(dir)).toEqual(before)
    expect((await library.cases.get(first.meta.id)).body).toBe('今の版\n')
  })

  it('answers not_found when deleting a missing case or restoring one that is not in the trash', async () => {
    const { library } = await newLibrary(temp)
    await expectKbError(library.trash.remove('nothing-here'), 'not_found')
    await expectKbError(library.trash.restore('nothing-here'), 'not_found')
  })

  it('lets a restored case be saved again even if a lock was left inside it', async () => {
    const { dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({})
    await mkdir(join(dir, 'cases', doc.meta.id, '.lock'))
    await library.trash.remove(doc.meta.id)
    await library.trash.restore(doc.meta.id)
    const saved = await saveEdit(library, doc, { title: '復元後の編集' })
    expect(saved.meta.revision).toBe(2)
  })
})
