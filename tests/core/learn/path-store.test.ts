import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PathStore, newPathId, resolvePath } from '../../../main/core/learn/path-store'
import { openLibrary } from '../../../main/core/library'
import { copySample, expectKbError, useTempFolders } from './fixtures'

const temp = useTempFolders()

function fixedClock(iso = '2025-04-01T09:00:00.000Z') {
  return () => new Date(iso)
}

async function store() {
  const root = await temp.make()
  return { root, paths: new PathStore(root, { now: fixedClock(), random: () => 0.5 }) }
}

describe('PathStore', () => {
  it('creates a path in paths/<id>.json in exactly the docs/format.md shape, with an id like path-YYYYMMDD-xxxxx', async () => {
    const { root, paths } = await store()
    const created = await paths.create({
      title: '新人研修：学生との協働 5事例',
      description: '大学・学生との協働を年代順に',
      steps: [{ caseId: 'wakamono-kaigi', note: '若者の声を施策に' }, { caseId: 'shimin-kisha' }],
    })
    expect(created.id).toMatch(/^path-20250401-[a-z0-9]{5}$/)
    expect(await readdir(join(root, 'paths'))).toEqual([`${created.id}.json`])
    const onDisk = JSON.parse(await readFile(join(root, 'paths', `${created.id}.json`), 'utf8'))
    expect(onDisk).toEqual({
      schema: 1,
      id: created.id,
      title: '新人研修：学生との協働 5事例',
      description: '大学・学生との協働を年代順に',
      steps: [{ caseId: 'wakamono-kaigi', note: '若者の声を施策に' }, { caseId: 'shimin-kisha' }],
    })
    expect(await paths.get(created.id)).toEqual(onDisk)
  })

  it('lists, saves (edit and reorder) and removes paths', async () => {
    const root = await temp.make()
    let n = 0
    const ids = new PathStore(root, { now: fixedClock(), random: () => (n++ % 36) / 36 })
    expect(await ids.list()).toEqual({ paths: [], damaged: [] })
    const a = await ids.create({ title: 'B パス', steps: [{ caseId: 'x' }, { caseId: 'y' }] })
    const b = await ids.create({ title: 'A パス' })
    expect(a.id).not.toBe(b.id)
    expect(b.steps).toEqual([])
    expect((await ids.list()).paths.map((p) => p.title)).toEqual(['A パス', 'B パス'])

    const edited = {
      ...a,
      title: 'B パス（改）',
      steps: [{ caseId: 'y', note: '先に読む' }, { caseId: 'x' }],
    }
    expect(await ids.save(edited)).toEqual(edited)
    expect(await ids.get(a.id)).toEqual(edited)

    expect(await ids.remove(a.id)).toEqual({ id: a.id })
    expect((await ids.list()).paths.map((p) => p.id)).toEqual([b.id])
    await expectKbError(ids.get(a.id), 'not_found')
    await expectKbError(ids.remove(a.id), 'not_found')
    await expectKbError(ids.save(edited), 'not_found')
  })

  it('refuses invalid input: no title, a bad case id, a case twice, an unknown field', async () => {
    const { root, paths } = await store()
    await expectKbError(paths.create({ title: '  ' }), 'invalid')
    await expectKbError(paths.create({ title: 'x', steps: [{ caseId: '../etc' }] }), 'invalid')
    await expectKbError(
      paths.create({ title: 'x', steps: [{ caseId: 'a' }, { caseId: 'a' }] }),
      'invalid',
    )
    const created = await paths.create({ title: 'ok' })
    await expectKbError(paths.save({ ...created, extra: 1 } as never), 'invalid')
    await expectKbError(paths.get('../library'), 'invalid')
    expect(await readdir(join(root, 'paths'))).toEqual([`${created.id}.json`])
  })

  it('reports a damaged file in list() and never overwrites it on save', async () => {
    const { root, paths } = await store()
    const good = await paths.create({ title: '読める' })
    await writeFile(join(root, 'paths', 'path-broken.json'), '{"schema": 1, "id": ', 'utf8')
    await writeFile(
      join(root, 'paths', 'path-other.json'),
      JSON.stringify({ schema: 1, id: 'path-mismatch', title: 't', steps: [] }),
    )
    const listed = await paths.list()
    expect(listed.paths.map((p) => p.id)).toEqual([good.id])
    expect(listed.damaged.map((d) => [d.id, d.file])).toEqual([
      ['path-broken', 'paths/path-broken.json'],
      ['path-other', 'paths/path-other.json'],
    ])
    await expectKbError(paths.get('path-broken'), 'damaged')
    await expectKbError(
      paths.save({ schema: 1, id: 'path-broken', title: '上書き', steps: [] }),
      'damaged',
    )
    expect(await readFile(join(root, 'paths', 'path-broken.json'), 'utf8')).toBe(
      '{"schema": 1, "id": ',
    )
  })

  it('keeps keys a later version added when saving', async () => {
    const { root, paths } = await store()
    await mkdir(join(root, 'paths'), { recursive: true })
    const file = join(root, 'paths', 'path-future.json')
    await writeFile(
      file,
      JSON.stringify({ schema: 1, id: 'path-future', title: 't', steps: [], audience: '新人' }),
    )
    const path = await paths.get('path-future')
    expect(path).toEqual({ schema: 1, id: 'path-future', title: 't', steps: [] })
    await paths.save({ ...path, title: 't2' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      schema: 1,
      id: 'path-future',
      title: 't2',
      steps: [],
      audience: '新人',
    })
  })

  it('newPathId uses the UTC date and five random characters', () => {
    expect(newPathId(new Date('2025-12-31T23:59:00.000Z'), () => 0)).toBe('path-20251231-aaaaa')
  })
})

describe('resolvePath', () => {
  it('still loads a path whose case was deleted, and marks that step missing', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const paths = new PathStore(library.root)
    const path = await paths.create({
      title: '子ども・若者',
      steps: [
        { caseId: 'kodomo-shokudo-network', note: '最初に' },
        { caseId: 'wakamono-kaigi' },
        { caseId: 'kenko-point' },
      ],
    })
    await library.trash.remove('wakamono-kaigi')
    await writeFile(join(library.root, 'cases', 'kenko-point', 'case.json'), '{', 'utf8')

    const loaded = await paths.get(path.id)
    expect(loaded.steps).toHaveLength(3)
    const resolved = await resolvePath(library, loaded)
    expect(resolved.missingCount).toBe(1)
    expect(resolved.steps).toEqual([
      {
        caseId: 'kodomo-shokudo-network',
        note: '最初に',
        title: '子ども食堂ネットワークの立ち上げと運営支援',
        missing: false,
        damaged: false,
      },
      { caseId: 'wakamono-kaigi', missing: true, damaged: false },
      { caseId: 'kenko-point', missing: false, damaged: true },
    ])
    await rm(join(library.root, 'paths'), { recursive: true })
    expect(await paths.list()).toEqual({ paths: [], damaged: [] })
  })
})
