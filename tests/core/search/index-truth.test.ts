import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copySample, seededRandom, useTempFolders } from '../../helpers/temp-library'
import { openLibrarySession, type LibrarySession } from '../../../main/library-session'
import { SAMPLE_DIR } from '../../helpers/temp-library'
import { TruthHarness } from './index-truth-harness'

const temp = useTempFolders()
/** The promise is "within 2 s"; the margin is for a busy shared 2-core machine. */
const CONVERGE_LIMIT_MS = 4_000
const SEQUENCES = 3
/** Random moves added to each sequence, after every kind of move once in random order. */
const EXTRA_MOVES = 3

let session: LibrarySession | null = null
let savedPolling: string | undefined
beforeEach(() => {
  savedPolling = process.env.KB_WATCH_POLLING
})
afterEach(async () => {
  await session?.close()
  session = null
  if (savedPolling === undefined) delete process.env.KB_WATCH_POLLING
  else process.env.KB_WATCH_POLLING = savedPolling
})

async function open(polling: boolean, seed: number) {
  process.env.KB_WATCH_POLLING = polling ? '1' : '0'
  const root = await copySample(await temp.make())
  session = await openLibrarySession({
    libraryDir: root,
    sampleDir: SAMPLE_DIR,
    appData: await temp.make('kb-appdata-'),
  })
  await session.ready()
  return new TruthHarness(session, root, seededRandom(seed))
}

describe.each([
  ['native events', false],
  ['polling', true],
])('the index equals the files (watcher: %s)', (_mode, polling) => {
  it('after random sequences of own saves, outside edits, creates, deletes and renames', async () => {
    const harness = await open(polling, polling ? 7 : 3)
    const times: number[] = []
    const log: string[] = []
    for (let s = 0; s < SEQUENCES; s++) {
      log.push(...(await harness.everyMoveShuffled()))
      for (let m = 0; m < EXTRA_MOVES; m++) log.push(await harness.randomMove())
      times.push(await harness.converge(CONVERGE_LIMIT_MS))
    }
    expect(harness.markers.length).toBeGreaterThan(SEQUENCES)
    // The figures land in the test output, for the report.
    console.info(`${_mode}: moves ${log.join(', ')}; converged after ${times.join(', ')} ms`)
  })

  it('indexes an outside edit of case.md landing right after three own saves', async () => {
    const harness = await open(polling, 11)
    const id = 'akiya-taisaku-kyotei'
    for (let i = 0; i < 3; i++) expect(await harness.ownSave(id)).toBe(id)
    await harness.outsideEdit(id)
    const marker = harness.markers.at(-1)!
    const started = Date.now()
    for (;;) {
      const result = await session!.service['search.query'](`"${marker}"`)
      if (result.ok && result.value.ids.includes(id)) break
      expect(Date.now() - started).toBeLessThan(CONVERGE_LIMIT_MS)
      await new Promise((r) => setTimeout(r, 100))
    }
    const got = await session!.service['cases.get'](id)
    expect(got.ok && got.value.body.includes(marker)).toBe(true)
    console.info(`${_mode}: outside edit after own saves indexed in ${Date.now() - started} ms`)
  })
})
