import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KbEvent } from '../../../common/api'
import { openLibrary } from '../../../main/core/library'
import { openLibrarySession } from '../../../main/library-session'
import {
  SAMPLE_DIR,
  inputOf,
  newLibrary,
  seededRandom,
  useTempFolders,
} from '../../helpers/temp-library'

const temp = useTempFolders()
const CASES = 2_000
const PROSE = '地域の課題を共有し、市と団体がそれぞれの強みを生かして取り組みを進めました。'

/** Writes `count` cases of ≈3,000 characters straight to the folder (faster than the API). */
async function writeCases(root: string, count: number): Promise<void> {
  const random = seededRandom(5)
  for (let i = 0; i < count; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, async (_, k) => {
        const id = `case-${i + k}`
        const folder = join(root, 'cases', id)
        await mkdir(folder, { recursive: true })
        const words = Array.from({ length: 80 }, () =>
          PROSE.slice(0, 10 + Math.floor(random() * 28)),
        )
        await writeFile(join(folder, 'case.md'), `## 背景・課題\n\n${words.join('')}\n`)
        const meta = {
          schema: 1,
          id,
          title: `事例 ${i + k}`,
          partnerTypes: ['npo'],
          status: 'published',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
          revision: 1,
        }
        await writeFile(join(folder, 'case.json'), JSON.stringify(meta, null, 2))
      }),
    )
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

describe('a cold index build', () => {
  it(`leaves cases.list, cases.get and saves answering within 0.5 s while ${CASES} cases are indexed`, async () => {
    const { dir } = await newLibrary(temp)
    await writeCases(dir, CASES)
    // Warm the case store's code (zod, lowdb) on another library first: the very first call of a
    // fresh process is slow with or without a build, and that is not what this test measures.
    await (await openLibrary(SAMPLE_DIR)).cases.list()
    const events: KbEvent[] = []
    const session = await openLibrarySession({
      libraryDir: dir,
      sampleDir: SAMPLE_DIR,
      appData: await temp.make('kb-appdata-'),
      watch: false,
    })
    session.events.subscribe((e) => events.push(e))
    const ready = () => events.some((e) => e.type === 'index.ready')
    // A query typed during the build is answered once the index is ready, and complete.
    const early = session.service['search.query']('事例', { limit: 100 })
    let lastTick = performance.now()
    let worstGap = 0
    const ticker = setInterval(() => {
      const now = performance.now()
      worstGap = Math.max(worstGap, now - lastTick - 10)
      lastTick = now
    }, 10)
    const lists: number[] = []
    const gets: number[] = []
    const saves: number[] = []
    const timed = async <T>(into: number[], call: () => Promise<T>): Promise<T> => {
      const t = performance.now()
      const value = await call()
      into.push(Math.round(performance.now() - t))
      return value
    }
    while (!ready()) {
      const list = await timed(lists, () => session.service['cases.list']())
      if (!list.ok) throw new Error(list.error.message)
      const id = list.value.cases[lists.length % 50]!.id
      const got = await timed(gets, () => session.service['cases.get'](id))
      if (!got.ok) throw new Error(got.error.message)
      const { meta, body } = got.value
      const saved = await timed(saves, () =>
        session.service['cases.save']({
          id,
          meta: inputOf(meta),
          body,
          baseRevision: meta.revision,
        }),
      )
      expect(saved.ok).toBe(true)
    }
    clearInterval(ticker)
    const answer = await early
    expect(answer.ok && answer.value.total).toBe(CASES)
    expect(lists.length, 'the build was still running while the API was used').toBeGreaterThan(1)
    expect(events.some((e) => e.type === 'progress' && e.task === 'index')).toBe(true)
    console.info(
      `during the build: cases.list ${lists.join(' ')} ms; cases.get max ${Math.max(...gets)} ms; ` +
        `cases.save max ${Math.max(...saves)} ms; worst event-loop gap ${worstGap.toFixed(0)} ms`,
    )
    // The build runs in a worker, so the thread answering the API only does its own work: the
    // typical call stays well under 0.5 s. Single calls (and the event-loop gap, printed above)
    // are also slowed by whatever else runs on a shared machine, including the other test files
    // running in parallel, so the slowest call only gets a bound that a build on this thread
    // (seconds of indexing) would break.
    expect(median(lists)).toBeLessThan(500)
    expect(median(gets)).toBeLessThan(500)
    expect(median(saves)).toBeLessThan(500)
    expect(Math.max(...lists, ...gets, ...saves)).toBeLessThan(2_000)
    await session.close()
  }, 120_000)
})
