import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KbEvent } from '../../common/api'
import type { Dispatch } from '../../main/api/dispatch'
import { MAX_ATTACHMENT_BYTES } from '../../common/attachment-limits'
import type { WriteSteps } from '../../main/core/atomic-write'
import { DEFAULT_PARTNER_TYPES } from '../../main/core/library-config'
import { openLibrary, seedSampleLibrary } from '../../main/core/library'
import {
  SAMPLE_DIR,
  copySample,
  expectKbError,
  fullMetaInput,
  inputOf,
  makeTempFolder,
  newLibrary,
  openTestSession,
  removeFolder,
  sampleCaseIds,
  snapshotTree,
  tempFilesUnder,
  useTempFolders,
} from '../helpers/temp-library'

const temp = useTempFolders()

describe('openLibrary', () => {
  it('turns an empty folder into a library: library.json in format kyodo-kb/1 named after the folder, nothing else', async () => {
    const parent = await temp.make()
    const dir = join(parent, 'まちの事例')
    await mkdir(dir)
    const library = await openLibrary(dir, { create: true })
    expect(await readdir(dir)).toEqual(['library.json'])
    const config = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(config).toMatchObject({ format: 'kyodo-kb/1', name: 'まちの事例' })
    expect(config.partnerTypes).toEqual(DEFAULT_PARTNER_TYPES)
    expect(library.config.partnerTypes.map((t) => t.key)).toEqual([
      'community',
      'npo',
      'private',
      'academia',
      'interdepartment',
      'public',
    ])
    expect(library.root).toBe(dir)
  })

  it('creates a missing folder (and its parents) when asked to, with the given name', async () => {
    const parent = await temp.make()
    const dir = join(parent, 'a', 'b', 'library')
    const library = await openLibrary(dir, { create: true, name: '協働事例集 2025' })
    expect(library.config.name).toBe('協働事例集 2025')
    const reopened = await openLibrary(dir)
    expect(reopened.config).toEqual(library.config)
  })

  it('accepts a folder that holds only hidden entries as empty', async () => {
    const parent = await temp.make()
    await writeFile(join(parent, '.DS_Store'), '')
    await openLibrary(parent, { create: true })
    expect((await readdir(parent)).sort()).toEqual(['.DS_Store', 'library.json'])
  })

  it('refuses a missing folder with not_found when not asked to create, creating nothing', async () => {
    const parent = await temp.make()
    await expectKbError(openLibrary(join(parent, 'nope')), 'not_found')
    expect(await readdir(parent)).toEqual([])
  })

  it('refuses a non-empty folder without library.json (even with create), leaving it untouched', async () => {
    const parent = await temp.make()
    await writeFile(join(parent, '家計簿.xlsx'), 'private')
    await mkdir(join(parent, 'photos'))
    const before = await snapshotTree(parent)
    await expectKbError(openLibrary(parent, { create: true }), 'invalid')
    await expectKbError(openLibrary(parent), 'invalid')
    expect(await snapshotTree(parent)).toEqual(before)
  })

  it('refuses a path that is a file with invalid', async () => {
    const parent = await temp.make()
    await writeFile(join(parent, 'library.json'), '{}')
    await expectKbError(openLibrary(join(parent, 'library.json'), { create: true }), 'invalid')
  })

  it.each([
    ['not JSON', '{"format": "kyodo-kb/1", "name": '],
    [
      'another format',
      JSON.stringify({ format: 'other/2', name: 'x', partnerTypes: DEFAULT_PARTNER_TYPES }),
    ],
    ['no partner types', JSON.stringify({ format: 'kyodo-kb/1', name: 'x', partnerTypes: [] })],
    [
      'a badly coloured partner type',
      JSON.stringify({
        format: 'kyodo-kb/1',
        name: 'x',
        partnerTypes: [{ key: 'a', ja: 'あ', en: 'a', color: 'red' }],
      }),
    ],
  ])(
    'refuses a library.json that is %s with damaged and leaves it byte-identical',
    async (_what, text) => {
      const parent = await temp.make()
      await writeFile(join(parent, 'library.json'), text)
      const error = await expectKbError(openLibrary(parent, { create: true }), 'damaged')
      expect(error.message).toContain('library.json')
      expect(await readFile(join(parent, 'library.json'), 'utf8')).toBe(text)
      expect(await readdir(parent)).toEqual(['library.json'])
    },
  )

  it('opens a library.json with settings it does not know and never rewrites it', async () => {
    const parent = await temp.make()
    const text = JSON.stringify({
      format: 'kyodo-kb/1.3',
      name: '未来の設定つき',
      partnerTypes: DEFAULT_PARTNER_TYPES,
      savedSearches: [{ q: '子ども食堂' }],
    })
    await writeFile(join(parent, 'library.json'), text)
    const library = await openLibrary(parent)
    await library.cases.create({})
    expect(library.config).toMatchObject({ name: '未来の設定つき', synonyms: [], tagColors: {} })
    expect(await readFile(join(parent, 'library.json'), 'utf8')).toBe(text)
  })

  it('describes itself with info(): name, path, format, case count and partner types', async () => {
    const dir = await copySample(await temp.make())
    const library = await openLibrary(dir)
    const sampleConfig = JSON.parse(await readFile(join(SAMPLE_DIR, 'library.json'), 'utf8')) as {
      name: string
      format: string
      partnerTypes: unknown
    }
    expect(await library.info()).toEqual({
      name: sampleConfig.name,
      path: dir,
      format: sampleConfig.format,
      caseCount: (await sampleCaseIds()).length,
      partnerTypes: sampleConfig.partnerTypes,
    })
  })
})

describe('the bundled sample library', () => {
  it('loads every case without a damaged one, each id matching its folder', async () => {
    const dir = await copySample(await temp.make())
    const { cases, damaged } = await (await openLibrary(dir)).cases.list()
    expect(damaged).toEqual([])
    expect(cases.map((c) => c.id).sort()).toEqual(await sampleCaseIds())
    expect(cases.length).toBeGreaterThan(0)
  })
})

describe('seedSampleLibrary', () => {
  it('copies the sample into a missing folder, file for file', async () => {
    const target = join(await temp.make(), 'library')
    expect(await seedSampleLibrary(SAMPLE_DIR, target)).toBe(true)
    expect(await snapshotTree(target)).toEqual(await snapshotTree(SAMPLE_DIR))
  })

  it('leaves an existing library alone and says it did not copy', async () => {
    const { dir, library } = await newLibrary(temp)
    await library.cases.create({})
    const before = await snapshotTree(dir)
    expect(await seedSampleLibrary(SAMPLE_DIR, dir)).toBe(false)
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('refuses a folder with other contents with invalid, copying nothing', async () => {
    const parent = await temp.make()
    await writeFile(join(parent, 'memo.txt'), 'mine')
    const before = await snapshotTree(parent)
    await expectKbError(seedSampleLibrary(SAMPLE_DIR, parent), 'invalid')
    expect(await snapshotTree(parent)).toEqual(before)
  })
})

describe('AttachmentStore', () => {
  async function caseWithLibrary(writeSteps?: WriteSteps) {
    const { dir, library } = await newLibrary(temp, writeSteps ? { writeSteps } : {})
    const doc = await library.cases.create({})
    return { dir, library, id: doc.meta.id, folder: join(dir, 'cases', doc.meta.id, 'attachments') }
  }

  it('adds, lists (sorted, with sizes) and removes attachments', async () => {
    const { library, id, folder } = await caseWithLibrary()
    expect(await library.attachments.list(id)).toEqual([])
    expect(await library.attachments.add(id, 'photo.png', new Uint8Array([1, 2, 3]))).toEqual({
      name: 'photo.png',
      size: 3,
    })
    await library.attachments.add(id, '報告書.pdf', new Uint8Array(10))
    expect(await library.attachments.list(id)).toEqual([
      { name: 'photo.png', size: 3 },
      { name: '報告書.pdf', size: 10 },
    ])
    expect(new Uint8Array(await readFile(join(folder, 'photo.png')))).toEqual(
      new Uint8Array([1, 2, 3]),
    )
    expect(await library.attachments.pathOf(id, 'photo.png')).toBe(join(folder, 'photo.png'))
    expect(await library.attachments.remove(id, 'photo.png')).toEqual({ name: 'photo.png' })
    expect(await library.attachments.list(id)).toEqual([{ name: '報告書.pdf', size: 10 }])
    expect(await readdir(folder)).toEqual(['報告書.pdf'])
  })

  it('gives a second file of the same name a numbered name and never overwrites the first', async () => {
    const { library, id, folder } = await caseWithLibrary()
    await library.attachments.add(id, 'photo.png', new Uint8Array([1]))
    expect((await library.attachments.add(id, 'photo.png', new Uint8Array([2]))).name).toBe(
      'photo-2.png',
    )
    expect((await library.attachments.add(id, 'photo.png', new Uint8Array([3]))).name).toBe(
      'photo-3.png',
    )
    // Case-insensitive file systems (Windows, macOS, SMB) see PHOTO.PNG as the same file.
    expect((await library.attachments.add(id, 'PHOTO.PNG', new Uint8Array([4]))).name).toBe(
      'PHOTO-4.PNG',
    )
    expect((await library.attachments.add(id, 'README', new Uint8Array([5]))).name).toBe('README')
    expect((await library.attachments.add(id, 'README', new Uint8Array([6]))).name).toBe('README-2')
    const contents = Object.fromEntries(
      await Promise.all(
        (await readdir(folder)).map(async (n) => [n, [...(await readFile(join(folder, n)))]]),
      ),
    )
    expect(contents).toEqual({
      'photo.png': [1],
      'photo-2.png': [2],
      'photo-3.png': [3],
      'PHOTO-4.PNG': [4],
      README: [5],
      'README-2': [6],
    })
  })

  it('refuses a file over the size limit with invalid, writing nothing', async () => {
    const { dir, library, id } = await caseWithLibrary()
    const before = await snapshotTree(dir)
    const error = await expectKbError(
      library.attachments.add(id, 'huge.pdf', new Uint8Array(MAX_ATTACHMENT_BYTES + 1)),
      'invalid',
    )
    expect(error.message).toContain('25')
    expect(await snapshotTree(dir)).toEqual(before)
  })

  it('accepts a file of exactly the size limit', async () => {
    const { library, id } = await caseWithLibrary()
    const info = await library.attachments.add(id, 'max.bin', new Uint8Array(MAX_ATTACHMENT_BYTES))
    expect(info.size).toBe(MAX_ATTACHMENT_BYTES)
  })

  it('answers not_found for a missing attachment, and for attachments of a missing case', async () => {
    const { library, id } = await caseWithLibrary()
    await expectKbError(library.attachments.remove(id, 'ghost.png'), 'not_found')
    await expectKbError(library.attachments.list('no-such-case'), 'not_found')
    await expectKbError(
      library.attachments.add('no-such-case', 'a.png', new Uint8Array([1])),
      'not_found',
    )
  })

  it('does not list stray temp files or hidden files', async () => {
    const { library, id, folder } = await caseWithLibrary()
    await library.attachments.add(id, 'photo.png', new Uint8Array([1]))
    await writeFile(join(folder, '.kbtmp-photo.png.0123456789ab'), 'half')
    await writeFile(join(folder, '.DS_Store'), '')
    expect((await library.attachments.list(id)).map((a) => a.name)).toEqual(['photo.png'])
  })

  it('never overwrites when two adds of the same name overlap (both files kept, each under its own name)', async () => {
    const { library, id, folder } = await caseWithLibrary()
    const [a, b] = await Promise.all([
      library.attachments.add(id, 'photo.png', new Uint8Array([1])),
      library.attachments.add(id, 'photo.png', new Uint8Array([2])),
    ])
    expect(a.name).not.toBe(b.name)
    expect((await readdir(folder)).filter((n) => !n.startsWith('.')).sort()).toEqual([
      'photo-2.png',
      'photo.png',
    ])
    const contents = await Promise.all([a, b].map((info) => readFile(join(folder, info.name))))
    expect(contents.map((c) => c[0]).sort()).toEqual([1, 2])
  })

  // A numbered duplicate is shortened to fit the limits, so it can be removed like any other.
  it('lets the numbered duplicate of a 120-character name be removed again', async () => {
    const { library, id } = await caseWithLibrary()
    const name = `${'a'.repeat(116)}.png`
    await library.attachments.add(id, name, new Uint8Array([1]))
    const duplicate = await library.attachments.add(id, name, new Uint8Array([2]))
    expect(await library.attachments.remove(id, duplicate.name)).toEqual({ name: duplicate.name })
  })

  // The temp file's name is short, so a long Japanese name within the limit (198 bytes) works.
  it('adds an attachment whose long Japanese name is within the 200-byte limit', async () => {
    const { library, id } = await caseWithLibrary()
    const name = `${'報'.repeat(64)}.png`
    expect(Buffer.byteLength(name)).toBe(196)
    expect((await library.attachments.add(id, name, new Uint8Array([1]))).name).toBe(name)
  })

  // File systems count bytes, not characters: 100 kanji (304 bytes) are refused up front.
  it('refuses a name longer than the file system allows (in UTF-8 bytes) as invalid', async () => {
    const { library, id } = await caseWithLibrary()
    const name = `${'報'.repeat(100)}.png`
    await expectKbError(library.attachments.add(id, name, new Uint8Array([1])), 'invalid')
  })
})

describe('the API dispatch over a library', () => {
  async function session() {
    const parent = await temp.make()
    const dir = await copySample(parent)
    const s = await openTestSession(dir, join(parent, 'app-data'))
    const emitted: KbEvent[] = []
    s.events.subscribe((e) => {
      // Only the changes made through the API; index progress events come and go on their own.
      if (e.type === 'library.changed') emitted.push(e)
    })
    return { ...s, dir, parent, emitted }
  }

  it('serves the library through envelopes: create, get, save, list, remove, trash, restore', async () => {
    const { dispatch } = await session()
    const created = await dispatch('cases.create', [{ meta: { title: 'API経由の事例' } }])
    expect(created).toMatchObject({
      ok: true,
      value: { meta: { title: 'API経由の事例', revision: 1 } },
    })
    const doc = (created as { value: { meta: { id: string } } }).value
    const id = doc.meta.id
    const got = await dispatch('cases.get', [id])
    expect(got).toEqual(created)
    const saved = await dispatch('cases.save', [
      { id, meta: { ...fullMetaInput(), title: '保存後' }, body: '本文', baseRevision: 1 },
    ])
    expect(saved).toMatchObject({
      ok: true,
      value: { meta: { title: '保存後', revision: 2 }, body: '本文' },
    })
    const list = await dispatch('cases.list', [])
    expect(list).toMatchObject({ ok: true, value: { damaged: [] } })
    expect((list as { value: { cases: { id: string }[] } }).value.cases.map((c) => c.id)).toContain(
      id,
    )
    expect(await dispatch('cases.remove', [id])).toEqual({ ok: true, value: { id } })
    expect(await dispatch('cases.get', [id])).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await dispatch('cases.trash', [])).toMatchObject({
      ok: true,
      value: { cases: [{ id, title: '保存後' }] },
    })
    expect(await dispatch('cases.restore', [id])).toEqual({ ok: true, value: { id } })
    expect(await dispatch('cases.get', [id])).toMatchObject({ ok: true, value: { body: '本文' } })
  })

  it('answers a stale save with a conflict envelope carrying the version on disk', async () => {
    const { dispatch, library } = await session()
    const doc = await library().cases.create({})
    const input = { id: doc.meta.id, meta: inputOf(doc.meta), body: 'A', baseRevision: 1 }
    expect(await dispatch('cases.save', [input])).toMatchObject({ ok: true })
    expect(await dispatch('cases.save', [{ ...input, body: 'B' }])).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: { meta: { revision: 2 }, body: 'A' } },
    })
  })

  it('adds, lists and removes attachments sent as base64', async () => {
    const { dispatch, library } = await session()
    const doc = await library().cases.create({})
    const data = Buffer.from('写真のつもり')
    expect(
      await dispatch('attachments.add', [
        { caseId: doc.meta.id, name: 'photo.png', dataBase64: data.toString('base64') },
      ]),
    ).toEqual({ ok: true, value: { name: 'photo.png', size: data.length } })
    expect(await readFile(await library().attachments.pathOf(doc.meta.id, 'photo.png'))).toEqual(
      data,
    )
    expect(await dispatch('attachments.list', [doc.meta.id])).toEqual({
      ok: true,
      value: { attachments: [{ name: 'photo.png', size: data.length }] },
    })
    expect(await dispatch('attachments.remove', [doc.meta.id, 'photo.png'])).toEqual({
      ok: true,
      value: { name: 'photo.png' },
    })
  })

  it('answers an unexpected file-system failure with an io envelope instead of throwing', async () => {
    const { dispatch, dir, library } = await session()
    const doc = await library().cases.create({})
    const body = join(dir, 'cases', doc.meta.id, 'case.md')
    await rm(body)
    await mkdir(body)
    expect(await dispatch('cases.get', [doc.meta.id])).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.any(String) },
    })
  })

  it('announces every change on the event hub with the case id, and nothing for a refused call', async () => {
    const { dispatch, emitted, library } = await session()
    const doc = await library().cases.create({})
    const id = doc.meta.id
    const data = Buffer.from([1]).toString('base64')
    const expectEvent = async (method: string, args: unknown[]) => {
      emitted.length = 0
      expect(await dispatch(method, args)).toMatchObject({ ok: true })
      expect(emitted).toEqual([{ type: 'library.changed', ids: [id] }])
    }
    await expectEvent('cases.save', [{ id, meta: inputOf(doc.meta), body: 'x', baseRevision: 1 }])
    await expectEvent('attachments.add', [{ caseId: id, name: 'a.png', dataBase64: data }])
    await expectEvent('attachments.remove', [id, 'a.png'])
    await expectEvent('cases.remove', [id])
    await expectEvent('cases.restore', [id])

    emitted.length = 0
    const created = await dispatch('cases.create', [{}])
    expect(emitted).toEqual([
      {
        type: 'library.changed',
        ids: [(created as { value: { meta: { id: string } } }).value.meta.id],
      },
    ])

    emitted.length = 0
    await dispatch('cases.save', [{ id, meta: inputOf(doc.meta), body: 'stale', baseRevision: 1 }])
    await dispatch('cases.get', [id])
    await dispatch('cases.list', [])
    expect(emitted).toEqual([])
  })

  it('stops delivering events to a listener that unsubscribed', async () => {
    const { dispatch, events, library } = await session()
    const seen: KbEvent[] = []
    const unsubscribe = events.subscribe((e) => e.type === 'library.changed' && seen.push(e))
    await dispatch('cases.create', [{}])
    unsubscribe()
    await dispatch('cases.create', [{}])
    expect(seen).toHaveLength(1)
    expect((await library().cases.list()).cases.length).toBe((await sampleCaseIds()).length + 2)
  })

  it('leaves no temp files behind after a busy session', async () => {
    const { dispatch, dir, library } = await session()
    const doc = await library().cases.create({})
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        dispatch('cases.save', [
          { id: doc.meta.id, meta: inputOf(doc.meta), body: `${i}`, baseRevision: 1 },
        ]),
      ),
    )
    expect(await tempFilesUnder(dir)).toEqual([])
  })
})

describe('the API dispatch refusing malformed calls', () => {
  // One library for all of these: each test proves that its call changed nothing.
  let shared: { dispatch: Dispatch; dir: string; emitted: KbEvent[]; parent: string }
  beforeAll(async () => {
    const parent = await makeTempFolder()
    const dir = await copySample(parent)
    const s = await openTestSession(dir, join(parent, 'app-data'))
    const emitted: KbEvent[] = []
    s.events.subscribe((e) => {
      // Only the changes made through the API; index progress events come and go on their own.
      if (e.type === 'library.changed') emitted.push(e)
    })
    shared = { dispatch: s.dispatch, dir, emitted, parent }
  })
  afterAll(async () => {
    await removeFolder(shared.parent)
  })

  const REFUSED_CALLS: [string, string, unknown][] = [
    ['an unknown method', 'cases.drop', []],
    ['an empty method name', '', []],
    ['the method name __proto__', '__proto__', []],
    ['the method name constructor', 'constructor', []],
    ['the method name toString', 'toString', []],
    ['a method name with a trailing space', 'cases.list ', []],
    ['arguments that are not an array', 'cases.get', 'kodomo-shokudo-network'],
    ['arguments that are an object', 'cases.list', {}],
    ['too few arguments', 'cases.get', []],
    ['too many arguments', 'cases.get', ['kodomo-shokudo-network', 'extra']],
    ['an argument to a method that takes none', 'cases.list', ['x']],
    ['a number for an id', 'cases.get', [42]],
    ['null for an id', 'cases.remove', [null]],
    [
      'a string revision',
      'cases.save',
      [{ id: 'kodomo-shokudo-network', meta: fullMetaInput(), body: '', baseRevision: '1' }],
    ],
    [
      'a fractional revision',
      'cases.save',
      [{ id: 'kodomo-shokudo-network', meta: fullMetaInput(), body: '', baseRevision: 1.5 }],
    ],
    [
      'a missing body',
      'cases.save',
      [{ id: 'kodomo-shokudo-network', meta: fullMetaInput(), baseRevision: 1 }],
    ],
    [
      'an extra key in the save input',
      'cases.save',
      [
        {
          id: 'kodomo-shokudo-network',
          meta: fullMetaInput(),
          body: '',
          baseRevision: 1,
          force: true,
        },
      ],
    ],
    [
      'a store-owned key in meta',
      'cases.save',
      [
        {
          id: 'kodomo-shokudo-network',
          meta: { ...fullMetaInput(), revision: 99 },
          body: '',
          baseRevision: 1,
        },
      ],
    ],
    ['a number for a title', 'cases.create', [{ meta: { title: 5 } }]],
    ['an extra key in the create input', 'cases.create', [{ meta: {}, extra: 1 }]],
    [
      'an extra key inside a partner',
      'cases.create',
      [{ meta: { partners: [{ name: 'n', type: 'npo', role: 'r', admin: true }] } }],
    ],
    [
      'a __proto__ key in the create input',
      'cases.create',
      [JSON.parse('{"meta":{},"__proto__":{"polluted":true}}')],
    ],
    [
      'a __proto__ key in meta',
      'cases.create',
      [JSON.parse('{"meta":{"__proto__":{"polluted":true}}}')],
    ],
    [
      'a constructor key in meta',
      'cases.create',
      [JSON.parse('{"meta":{"constructor":{"prototype":{"polluted":true}}}}')],
    ],
    [
      'a __proto__ key in a save',
      'cases.save',
      [
        JSON.parse(
          '{"id":"kodomo-shokudo-network","meta":{"title":"t","partnerTypes":["npo"],"status":"draft","__proto__":{"polluted":true}},"body":"","baseRevision":1}',
        ),
      ],
    ],
    [
      'data that is not base64',
      'attachments.add',
      [{ caseId: 'kodomo-shokudo-network', name: 'a.png', dataBase64: 'not base64!' }],
    ],
    [
      'a missing attachment name',
      'attachments.add',
      [{ caseId: 'kodomo-shokudo-network', dataBase64: 'AQID' }],
    ],
    [
      'an extra key in the attachment input',
      'attachments.add',
      [{ caseId: 'kodomo-shokudo-network', name: 'a.png', dataBase64: 'AQID', path: '/etc' }],
    ],
    ['a missing name for attachments.remove', 'attachments.remove', ['kodomo-shokudo-network']],
  ]

  it.each(REFUSED_CALLS)(
    'refuses %s with an invalid envelope and changes nothing',
    async (_what, method, args) => {
      const { dispatch, dir, emitted } = shared
      emitted.length = 0
      const before = await snapshotTree(dir)
      const result = await dispatch(method, args)
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.any(String) },
      })
      expect(await snapshotTree(dir)).toEqual(before)
      expect(emitted).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )
})
