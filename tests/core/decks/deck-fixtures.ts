/**
 * Shared set-up for the deck tests: a temp copy of the sample library and decks over it.
 * Self-contained on purpose (tests/helpers/temp-library pulls in the whole API session, which
 * other work changes); the helpers mirror the ones there.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { afterEach, expect } from 'vitest'
import type { ErrorCode } from '../../../common/api'
import { KbError } from '../../../main/core/errors'
import { openLibrary, type Library } from '../../../main/core/library'
import { DECK_SECTIONS, type Deck, type DeckPreset } from '../../../common/decks/deck-schema'

/** The bundled sample library. Tests copy it; they never write into it. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../data', import.meta.url))

/** Temp folders removed after every test of the calling file. */
export function useTempFolders(): { make(prefix?: string): Promise<string> } {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })
  return {
    async make(prefix = 'kb-deck-') {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      made.push(dir)
      return dir
    },
  }
}

/** A clock that moves one second forward on every reading. */
export function tickingClock(startIso = '2025-04-01T00:00:00.000Z'): () => Date {
  let t = Date.parse(startIso)
  return () => {
    const now = new Date(t)
    t += 1000
    return now
  }
}

/** A seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function expectKbError(promise: Promise<unknown>, code: ErrorCode): Promise<KbError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, `expected a KbError '${code}'`).toBeInstanceOf(KbError)
  expect((error as KbError).code).toBe(code)
  return error as KbError
}

/** Copies the sample library to `<parent>/library` and returns that path. */
export async function copySample(parent: string): Promise<string> {
  const target = join(parent, 'library')
  await cp(SAMPLE_DIR, target, { recursive: true })
  return target
}

export async function sampleLibrary(temp: {
  make(prefix?: string): Promise<string>
}): Promise<Library> {
  const dir = await copySample(await temp.make('kb-deck-'))
  return openLibrary(dir, { now: tickingClock(), random: seededRandom() })
}

/** Cases of the sample with photos (png attachments), a 役割分担 table and outcomes. */
export const FIVE_CASES = [
  'akiya-taisaku-kyotei',
  'kenko-point',
  'shotengai-akitenpo-gakusei',
  'kodomo-shokudo-network',
  'jishubo-hinanjo-kunren',
]

export function deckOf(caseIds: string[], extra: Partial<Deck> = {}): Deck {
  return {
    schema: 1,
    id: 'deck-test',
    title: '協働の成功事例に学ぶ',
    subtitle: '新任職員研修「協働の基礎」',
    author: '市民協働課',
    date: '2025年4月',
    items: [
      ...caseIds.map((caseId) => ({ kind: 'case' as const, caseId, sections: [...DECK_SECTIONS] })),
      {
        kind: 'text',
        title: '新時代の公務に必要なこと',
        body: '- 人の力を借りること\n- 人の力を活かすこと\n\n**ともに主体的に**取り組む相手として、団体を見る。',
      },
    ],
    ...extra,
  }
}

/** What DeckStore.create takes: a deck without the parts the store owns. */
export function inputOf(deck: Deck): Omit<Deck, 'schema' | 'id'> {
  const input: Partial<Deck> = { ...deck }
  delete input.schema
  delete input.id
  return input as Omit<Deck, 'schema' | 'id'>
}

/** The parts of a .pptx (a zip of XML) the tests look at. */
export async function openPptx(data: Uint8Array) {
  const zip = await JSZip.loadAsync(data)
  const slideNames = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => num(a) - num(b))
  const slides = await Promise.all(slideNames.map((n) => zip.file(n)!.async('string')))
  const notesNames = Object.keys(zip.files).filter((n) =>
    /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n),
  )
  const notes = new Map<number, string>()
  for (const n of notesNames) notes.set(num(n), await zip.file(n)!.async('string'))
  return {
    zip,
    slides,
    notes,
    media: Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/')),
    text: (file: string) => zip.file(file)!.async('string'),
  }
}

function num(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)![1])
}

/** Text of every `<a:t>` in some XML, decoded. */
export function textsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]!))
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The trainer's session on 学生との協働: five cases with students or universities. */
export const STUDENT_CASES = [
  'shotengai-akitenpo-gakusei',
  'gakushu-shien-gakusei',
  'kenko-point',
  'wakamono-kaigi',
  'akiya-taisaku-kyotei',
]

export function trainingDeck(preset?: DeckPreset, extra: Partial<Deck> = {}): Deck {
  return {
    schema: 1,
    id: 'deck-gakusei',
    title: '学生との協働 ― 5つの事例に学ぶ',
    subtitle: '新任職員研修「協働の基礎」',
    author: '市民協働課',
    date: '2026年4月',
    ...(preset && { preset }),
    items: STUDENT_CASES.map((caseId) => ({ kind: 'case' as const, caseId })),
    ...extra,
  }
}
