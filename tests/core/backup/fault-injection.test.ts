import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaseDoc } from '../../../common/model'
import { nodeWriteSteps, type WriteSteps } from '../../../main/core/atomic-write'
import {
  backupBeforeWrite,
  cleanStrayTempFiles,
  listBackups,
  restoreBackup,
} from '../../../main/core/backup/backups'
import { planImport, runImport } from '../../../main/core/exchange/markdown-import'
import type { Library } from '../../../main/core/library'
import { inputOf, newLibrary, tempFilesUnder, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()
afterEach(() => {
  vi.useRealTimers()
})

type Fault = { step: 'writeAndFlush' | 'rename'; code: string }
// EIO while writing takes the same path as ENOSPC; one of them per step keeps the suite quick.
const FAULTS: Fault[] = [
  { step: 'writeAndFlush', code: 'ENOSPC' },
  { step: 'rename', code: 'EPERM' },
  { step: 'rename', code: 'EIO' },
]
const SLOW = 30_000

/**
 * Real write steps whose n-th call of one step fails (every retry of that call too), and whose
 * unlink can be made to fail as well, standing for a process killed before it cleaned up.
 */
function faultySteps() {
  const state = {
    fault: null as Fault | null,
    failAt: 0,
    calls: 0,
    failing: '',
    sticky: false,
    keepTemp: false,
  }
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
  const steps: WriteSteps = {
    async writeAndFlush(path, data) {
      if (state.fault?.step === 'writeAndFlush' && ++state.calls === state.failAt) {
        await nodeWriteSteps.writeAndFlush(path, data.slice(0, 3)) // a partial temp file
        throw fail(state.fault.code)
      }
      return nodeWriteSteps.writeAndFlush(path, data)
    },
    async rename(from, to) {
      // The failing call fails on every retry too; with `sticky`, every later rename fails as well
      // (an antivirus holding the folder), otherwise only that call does.
      const key = `${from}>${to}`
      if (
        state.fault?.step === 'rename' &&
        ((state.failing && (state.sticky || state.failing === key)) ||
          ++state.calls === state.failAt)
      ) {
        state.failing ||= key
        throw fail(state.fault.code)
      }
      return nodeWriteSteps.rename(from, to)
    },
    unlink: (path) => (state.keepTemp ? Promise.reject(fail('EIO')) : nodeWriteSteps.unlink(path)),
    flushFolder: nodeWriteSteps.flushFolder,
  }
  return {
    steps,
    arm(fault: Fault | null, failAt = 0, keepTemp = false, sticky = false) {
      Object.assign(state, { fault, failAt, calls: 0, failing: '', keepTemp, sticky })
    },
    calls: () => state.calls,
  }
}

/** Settles a promise while retry back-offs run on fake timers (only setTimeout is faked). */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  let outcome: PromiseSettledResult<T> | undefined
  promise.then(
    (value) => (outcome = { status: 'fulfilled', value }),
    (reason: unknown) => (outcome = { status: 'rejected', reason }),
  )
  while (!outcome) {
    await new Promise((resolve) => setImmediate(resolve))
    await vi.advanceTimersToNextTimerAsync()
  }
  return outcome
}

const pair = (doc: CaseDoc) => ({
  title: doc.meta.title,
  body: doc.body,
  revision: doc.meta.revision,
})

/**
 * Runs `operation` once cleanly to count its writes/renames, then again with each fault at each
 * call, checking after every failure that the case reads back whole as the old or the new version,
 * that the error names the cause, and that no temp file is left.
 */
async function everyStep(
  name: string,
  setUp: (
    steps: WriteSteps,
  ) => Promise<{ library: Library; id: string; run: () => Promise<unknown> }>,
) {
  for (const fault of FAULTS) {
    const counter = faultySteps()
    counter.arm({ ...fault, code: 'NONE' }, -1)
    const probe = await setUp(counter.steps)
    await probe.run()
    const total = counter.calls()
    expect(total, `${name} performs at least one ${fault.step}`).toBeGreaterThan(0)
    for (let at = 1; at <= total; at++) {
      const faulty = faultySteps()
      const { library, id, run } = await setUp(faulty.steps)
      const old = pair(await library.cases.get(id))
      faulty.arm(fault, at)
      vi.useFakeTimers({ toFake: ['setTimeout'] })
      const result = await settle(run())
      vi.useRealTimers()
      const now = await library.cases.get(id)
      if (result.status === 'rejected') {
        expect(String(result.reason), `${name}: ${fault.step} #${at}`).toContain(fault.code)
        expect(pair(now), `${name}: ${fault.step} #${at} leaves the old version`).toEqual(old)
      } else {
        // A failure after the commit point (e.g. a backup prune) may still succeed as a whole.
        expect(now.meta.revision).toBe(old.revision + 1)
      }
      expect((await library.cases.list()).damaged).toEqual([])
      expect(await tempFilesUnder(library.root)).toEqual([])
    }
  }
}

async function smallLibrary(steps: WriteSteps) {
  const { dir, library } = await newLibrary(temp, { writeSteps: steps })
  const created = await library.cases.create({
    meta: { title: '元の題', partnerTypes: ['npo'] },
    body: '元の本文\n',
  })
  return { dir, library, id: created.meta.id, created }
}

describe('fault injection: failing writes leave the old or the new complete file', () => {
  it(
    'CaseStore.save under ENOSPC, EIO and EPERM/EIO on rename at every step',
    async () => {
      await everyStep('save', async (steps) => {
        const { library, id, created } = await smallLibrary(steps)
        return {
          library,
          id,
          run: () =>
            library.cases.save({
              id,
              meta: { ...inputOf(created.meta), title: '新しい題' },
              body: '新しい本文\n',
              baseRevision: created.meta.revision,
            }),
        }
      })
    },
    SLOW,
  )

  it(
    'restoreBackup (backup of the current version, then the save) at every step',
    async () => {
      await everyStep('restore', async (steps) => {
        const { library, id, created } = await smallLibrary(steps)
        await backupBeforeWrite(library, id)
        await library.cases.save({
          id,
          meta: { ...inputOf(created.meta), title: '後の題' },
          body: '後の本文\n',
          baseRevision: created.meta.revision,
        })
        const [backup] = await listBackups(library, id)
        return {
          library,
          id,
          run: () => restoreBackup(library, id, backup!.stamp, { writeSteps: steps }),
        }
      })
    },
    SLOW,
  )

  it('with every later rename failing too (rollback impossible), each file is still old or new, whole', async () => {
    const faulty = faultySteps()
    const { dir, library, id, created } = await smallLibrary(faulty.steps)
    const files = async () => ({
      json: await readFile(join(dir, 'cases', id, 'case.json'), 'utf8'),
      md: await readFile(join(dir, 'cases', id, 'case.md'), 'utf8'),
    })
    const before = await files()
    faulty.arm({ step: 'rename', code: 'EIO' }, 2, false, true)
    await expect(
      library.cases.save({
        id,
        meta: { ...inputOf(created.meta), title: '新しい題' },
        body: '新しい本文\n',
        baseRevision: created.meta.revision,
      }),
    ).rejects.toThrow('EIO')
    const after = await files()
    expect(after.json).toBe(before.json)
    expect([before.md, '新しい本文\n']).toContain(after.md)
    expect((await library.cases.list()).damaged).toEqual([])
    expect(await tempFilesUnder(dir)).toEqual([])
  })

  it('library.json updates keep a whole file (old or new) and name the cause', async () => {
    for (const fault of FAULTS) {
      const faulty = faultySteps()
      const { dir, library } = await newLibrary(temp, { writeSteps: faulty.steps })
      faulty.arm(fault, 1)
      vi.useFakeTimers({ toFake: ['setTimeout'] })
      const result = await settle(library.settings.update((c) => ({ ...c, name: '新しい名前' })))
      vi.useRealTimers()
      expect(result.status).toBe('rejected')
      expect(String((result as PromiseRejectedResult).reason)).toContain(fault.code)
      const text = await readFile(join(dir, 'library.json'), 'utf8')
      expect(JSON.parse(text).name).toBe('library')
      expect(await tempFilesUnder(dir)).toEqual([])
    }
  })

  it('an import that fails half-way leaves no case, no staging folder and no temp file; the others still import', async () => {
    const faulty = faultySteps()
    const { parent, dir, library } = await newLibrary(temp, { writeSteps: faulty.steps })
    await writeFile(join(parent, 'a.md'), '---\ntitle: 一件目\n---\n本文\n')
    await writeFile(join(parent, 'b.md'), '---\ntitle: 二件目\n---\n本文\n')
    const plan = await planImport(library, [join(parent, 'a.md'), join(parent, 'b.md')])
    faulty.arm({ step: 'writeAndFlush', code: 'ENOSPC' }, 2) // a.md's case.json
    const summary = await runImport(library, plan, { onDuplicate: 'skip' }, undefined, {
      writeSteps: faulty.steps,
    })
    expect(summary.failed).toEqual([
      { source: join(parent, 'a.md'), reason: expect.stringContaining('ENOSPC') },
    ])
    expect(summary.imported.map((i) => i.title)).toEqual(['二件目'])
    expect((await library.cases.list()).cases.map((c) => c.title)).toEqual(['二件目'])
    expect((await readdir(join(dir, 'cases'))).filter((n) => n.startsWith('.'))).toEqual([])
    expect(await tempFilesUnder(dir)).toEqual([])
  })

  it('temp files left by a crash (clean-up impossible) are removed by the clean-up at open', async () => {
    const faulty = faultySteps()
    const { dir, library, id, created } = await smallLibrary(faulty.steps)
    faulty.arm({ step: 'writeAndFlush', code: 'EIO' }, 1, true)
    await expect(
      library.cases.save({ id, meta: inputOf(created.meta), body: 'x', baseRevision: 1 }),
    ).rejects.toThrow('EIO')
    const strays = await tempFilesUnder(dir)
    expect(strays).toHaveLength(1)
    const old = new Date(Date.now() - 120_000)
    await utimes(join(dir, strays[0]!), old, old)
    expect(await cleanStrayTempFiles(dir)).toBe(1)
    expect(await tempFilesUnder(dir)).toEqual([])
    expect(pair(await library.cases.get(id))).toEqual(pair(created))
  })
})
