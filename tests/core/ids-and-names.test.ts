import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fiscalYearOf, warekiOfFiscalYear } from '../../common/fiscal-year'
import { KbError } from '../../main/core/errors'
import { assertSafeFileName } from '../../main/core/file-names'
import { assertValidId, isValidId, newCaseId } from '../../main/core/ids'
import {
  expectKbError,
  fullMetaInput,
  newLibrary,
  openTestSession,
  snapshotTree,
  useTempFolders,
} from '../helpers/temp-library'

const temp = useTempFolders()

const GOOD_IDS = ['a', '0', 'case-20250401-abc12', 'kodomo-shokudo-network', 'a'.repeat(64), 'a-']

const BAD_IDS: [string, unknown][] = [
  ['empty', ''],
  ['parent folder', '..'],
  ['parent path', '../escape'],
  ['nested parent path', 'a/../../escape'],
  ['slash', 'a/b'],
  ['backslash', 'a\\b'],
  ['NUL', 'a\u0000b'],
  ['uppercase', 'Case-1'],
  ['all uppercase CON', 'CON'],
  ['over 64 characters', 'a'.repeat(65)],
  ['leading hyphen', '-a'],
  ['trailing dot', 'case.'],
  ['trailing space', 'case '],
  ['a dot', 'nul.txt'],
  ['underscore', 'a_b'],
  ['full-width characters', '事例'],
  ['a number', 42],
  ['null', null],
]

// Names the brief requires refused, each as an id and as an attachment name.
const BAD_FILE_NAMES: [string, unknown][] = [
  ['empty', ''],
  ['dot', '.'],
  ['parent folder', '..'],
  ['parent path', '../escape.txt'],
  ['slash', 'a/b.png'],
  ['backslash', 'a\\b.png'],
  ['NUL', 'a\u0000.png'],
  ['control character', 'a\u001f.png'],
  ['over 120 characters', `${'a'.repeat(117)}.png`],
  ['CON', 'CON'],
  ['con (any case)', 'con'],
  ['nul.txt', 'nul.txt'],
  ['COM1', 'COM1'],
  ['LPT9.png', 'LPT9.png'],
  ['AUX.tar.gz', 'AUX.tar.gz'],
  ['COM superscript', 'COM¹.txt'],
  ['trailing dot', 'photo.png.'],
  ['trailing space', 'photo.png '],
  ['hidden (leading dot)', '.htaccess'],
  ['colon (alternate data stream)', 'photo.png:secret'],
  ['wildcard', 'a*.png'],
  ['question mark', 'a?.png'],
  ['angle brackets', '<a>.png'],
  ['pipe', 'a|b.png'],
  ['double quote', 'a".png'],
  ['not a string', 7],
]

describe('case ids', () => {
  it.each(GOOD_IDS)('accepts %s', (id) => {
    expect(isValidId(id)).toBe(true)
    expect(assertValidId(id)).toBe(id)
  })

  it.each(BAD_IDS)('rejects an id that is %s with code invalid', (_what, id) => {
    expect(isValidId(id)).toBe(false)
    expect(() => assertValidId(id)).toThrow(KbError)
    try {
      assertValidId(id)
    } catch (error) {
      expect((error as KbError).code).toBe('invalid')
    }
  })

  // Windows will not create folders named after devices, so such ids are refused.
  it.each(['con', 'prn', 'aux', 'nul', 'com1', 'lpt9'])(
    'rejects the Windows device name %s as an id',
    (id) => {
      expect(isValidId(id)).toBe(false)
    },
  )

  it('makes new ids of the form case-YYYYMMDD-xxxxx from the UTC date and the random source', () => {
    const id = newCaseId(new Date('2025-04-01T23:59:59.000Z'), () => 0)
    expect(id).toBe('case-20250401-aaaaa')
    expect(newCaseId(new Date('2025-04-01T00:00:00.000Z'), () => 0.9999)).toBe(
      'case-20250401-99999',
    )
    const random = [0.5, 0.1, 0.2, 0.3, 0.4]
    expect(newCaseId(new Date('2030-12-31T00:00:00Z'), () => random.shift()!)).toMatch(
      /^case-20301231-[a-z0-9]{5}$/,
    )
    expect(isValidId(id)).toBe(true)
  })
})

describe('attachment file names', () => {
  it.each([
    'photo.png',
    'Report.PDF',
    '写真 1.jpg',
    '報告書（最終版）.docx',
    'no-extension',
    `${'a'.repeat(116)}.png`,
  ])('accepts %s', (name) => {
    expect(assertSafeFileName(name)).toBe(name)
  })

  it.each(BAD_FILE_NAMES)('rejects a name that is %s with code invalid', (_what, name) => {
    let error: unknown
    try {
      assertSafeFileName(name)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(KbError)
    expect((error as KbError).code).toBe('invalid')
  })

  it('returns the NFC form, so a name typed on macOS and on Windows is the same file', () => {
    expect(assertSafeFileName('か\u3099.png')).toBe('が.png')
  })
})

describe('fiscal year (年度)', () => {
  it.each([
    ['2024-03', 2023],
    ['2024-03-31', 2023],
    ['2024-04', 2024],
    ['2024-04-01', 2024],
    ['2025-01-15', 2024],
    ['2024-12', 2024],
  ])('puts %s in 年度 %i (April starts the year)', (date, year) => {
    expect(fiscalYearOf(date)).toBe(year)
  })

  it('gives undefined for a missing or unparseable date', () => {
    expect(fiscalYearOf(undefined)).toBeUndefined()
    expect(fiscalYearOf('')).toBeUndefined()
    expect(fiscalYearOf('令和6年')).toBeUndefined()
  })

  it('names fiscal years by the era in force in April, with 元 for the first year', () => {
    expect(warekiOfFiscalYear(2019)).toBe('令和元年度')
    expect(warekiOfFiscalYear(2024)).toBe('令和6年度')
    expect(warekiOfFiscalYear(2018)).toBe('平成30年度')
    expect(warekiOfFiscalYear(1989)).toBe('平成元年度')
  })
})

describe('bad ids and names never reach the disk', () => {
  const UNSAFE_IDS = [
    '..',
    '../escape',
    'a/b',
    'a\\b',
    'a\u0000b',
    'CON',
    'Case',
    'a'.repeat(65),
    'nul.txt',
    'COM1',
    'LPT9.png',
    'case.',
    'case ',
  ]
  const UNSAFE_NAMES = [
    '..',
    '../../escape.txt',
    'a/b.png',
    'a\\b.png',
    'a\u0000.png',
    'CON',
    'nul.txt',
    'COM1',
    'LPT9.png',
    'photo.',
    'photo ',
    `${'x'.repeat(121)}`,
  ]

  async function setUp() {
    const { parent, dir, library } = await newLibrary(temp)
    const doc = await library.cases.create({ meta: fullMetaInput() })
    await library.attachments.add(doc.meta.id, 'keep.png', new Uint8Array([7]))
    const { dispatch } = await openTestSession(dir, join(parent, 'app-data'))
    const before = await snapshotTree(parent)
    return { parent, dir, library, doc, before, dispatch }
  }

  it('refuses unsafe ids in cases.get/save/remove/restore and attachments with invalid, leaving the temp parent unchanged', async () => {
    const { parent, library, before } = await setUp()
    for (const id of UNSAFE_IDS) {
      await expectKbError(library.cases.get(id), 'invalid')
      await expectKbError(
        library.cases.save({ id, meta: fullMetaInput(), body: 'x', baseRevision: 1 }),
        'invalid',
      )
      await expectKbError(library.trash.remove(id), 'invalid')
      await expectKbError(library.trash.restore(id), 'invalid')
      await expectKbError(library.attachments.list(id), 'invalid')
      await expectKbError(library.attachments.add(id, 'ok.png', new Uint8Array([1])), 'invalid')
      await expectKbError(library.attachments.remove(id, 'keep.png'), 'invalid')
    }
    expect(await snapshotTree(parent)).toEqual(before)
  })

  it('refuses unsafe attachment names in add, remove and pathOf with invalid, leaving the temp parent unchanged', async () => {
    const { parent, library, doc, before } = await setUp()
    for (const name of UNSAFE_NAMES) {
      await expectKbError(
        library.attachments.add(doc.meta.id, name, new Uint8Array([1])),
        'invalid',
      )
      await expectKbError(library.attachments.remove(doc.meta.id, name), 'invalid')
      await expectKbError(library.attachments.pathOf(doc.meta.id, name), 'invalid')
    }
    expect(await snapshotTree(parent)).toEqual(before)
  })

  it('answers unsafe ids and names through the dispatch layer with an invalid envelope, never a throw', async () => {
    const { parent, doc, before, dispatch } = await setUp()
    const data = Buffer.from([1, 2, 3]).toString('base64')
    for (const id of UNSAFE_IDS) {
      const calls: [string, unknown[]][] = [
        ['cases.get', [id]],
        ['cases.save', [{ id, meta: fullMetaInput(), body: '', baseRevision: 1 }]],
        ['cases.remove', [id]],
        ['cases.restore', [id]],
        ['attachments.list', [id]],
        ['attachments.add', [{ caseId: id, name: 'ok.png', dataBase64: data }]],
        ['attachments.remove', [id, 'keep.png']],
      ]
      for (const [method, args] of calls) {
        const result = await dispatch(method, args)
        expect(result, `${method}(${JSON.stringify(id)})`).toMatchObject({
          ok: false,
          error: { code: 'invalid' },
        })
      }
    }
    for (const name of UNSAFE_NAMES) {
      for (const [method, args] of [
        ['attachments.add', [{ caseId: doc.meta.id, name, dataBase64: data }]],
        ['attachments.remove', [doc.meta.id, name]],
      ] as [string, unknown[]][]) {
        const result = await dispatch(method, args)
        expect(result, `${method}(${JSON.stringify(name)})`).toMatchObject({
          ok: false,
          error: { code: 'invalid' },
        })
      }
    }
    expect(await snapshotTree(parent)).toEqual(before)
  })
})
