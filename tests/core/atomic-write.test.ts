import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  TEMP_PREFIX,
  nodeWriteSteps,
  renameWithRetry,
  writeFileAtomic,
  type WriteSteps,
} from '../../main/core/atomic-write'
import { AtomicJsonFile } from '../../main/core/json-file'
import { useTempFolders } from '../helpers/temp-library'

const temp = useTempFolders()

function errnoError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`)
  error.code = code
  return error
}

/** Thrown by a write step to stand for the process dying at that point. */
class SimulatedCrash extends Error {}

/** Real steps with some replaced, recording every call. */
function recordingSteps(overrides: Partial<WriteSteps> = {}) {
  const calls: { step: keyof WriteSteps; args: string[] }[] = []
  const steps: WriteSteps = {
    writeAndFlush: (path, data) => {
      calls.push({ step: 'writeAndFlush', args: [path] })
      return (overrides.writeAndFlush ?? nodeWriteSteps.writeAndFlush)(path, data)
    },
    rename: (from, to) => {
      calls.push({ step: 'rename', args: [from, to] })
      return (overrides.rename ?? nodeWriteSteps.rename)(from, to)
    },
    unlink: (path) => {
      calls.push({ step: 'unlink', args: [path] })
      return (overrides.unlink ?? nodeWriteSteps.unlink)(path)
    },
    flushFolder: (folder) => {
      calls.push({ step: 'flushFolder', args: [folder] })
      return (overrides.flushFolder ?? nodeWriteSteps.flushFolder)(folder)
    },
  }
  const count = (step: keyof WriteSteps) => calls.filter((c) => c.step === step).length
  return { steps, calls, count }
}

/**
 * Settles `promise` while the retry back-off runs on fake timers: only setTimeout is faked, so
 * real file I/O still completes, and each turn yields to it (setImmediate) before advancing the
 * fake clock to the next timer. No real time is spent waiting.
 */
async function settleWithFakeTimers<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
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

async function fileWithOldContent(): Promise<{ folder: string; target: string; old: Buffer }> {
  const folder = await temp.make()
  const target = join(folder, 'case.json')
  await writeFile(target, '{"title":"old","revision":1}\n')
  return { folder, target, old: await readFile(target) }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the given text and leaves no temp file', async () => {
    const folder = await temp.make()
    const target = join(folder, 'new.json')
    await writeFileAtomic(target, '{"a":"協働"}\n')
    expect(await readFile(target, 'utf8')).toBe('{"a":"協働"}\n')
    expect(await readdir(folder)).toEqual(['new.json'])
  })

  it('replaces an existing file with exactly the given bytes', async () => {
    const { folder, target } = await fileWithOldContent()
    const bytes = new Uint8Array([0, 1, 2, 254, 255, 10])
    await writeFileAtomic(target, bytes)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)
    expect(await readdir(folder)).toEqual(['case.json'])
  })

  it('writes through a temp file in the same folder and renames it over the target, then flushes the folder', async () => {
    const { folder, target } = await fileWithOldContent()
    const { steps, calls } = recordingSteps()
    await writeFileAtomic(target, 'new', steps)
    expect(calls.map((c) => c.step)).toEqual(['writeAndFlush', 'rename', 'flushFolder'])
    const tempPath = calls[0]!.args[0]!
    expect(join(tempPath, '..')).toBe(folder)
    expect(tempPath.slice(folder.length + 1).startsWith(TEMP_PREFIX)).toBe(true)
    expect(calls[1]!.args).toEqual([tempPath, target])
    expect(calls[2]!.args).toEqual([folder])
  })

  it('leaves the old file byte-identical when the process "dies" between the temp write and the rename', async () => {
    const { folder, target, old } = await fileWithOldContent()
    const { steps, count } = recordingSteps({
      rename: () => Promise.reject(new SimulatedCrash('power cut before rename')),
    })
    await expect(writeFileAtomic(target, '{"title":"new","revision":2}\n', steps)).rejects.toThrow(
      SimulatedCrash,
    )
    expect(count('writeAndFlush')).toBe(1)
    expect(await readFile(target)).toEqual(old)
    expect(await readdir(folder)).toEqual(['case.json'])
  })

  it('keeps the old file whole even when a real crash leaves the temp file behind', async () => {
    // A real crash cannot clean up: unlink never runs. The target must still be the old file,
    // and the stray temp file must be recognisable by its prefix.
    const { folder, target, old } = await fileWithOldContent()
    const { steps } = recordingSteps({
      rename: () => Promise.reject(new SimulatedCrash('crash')),
      unlink: () => Promise.reject(new SimulatedCrash('dead process cannot unlink')),
    })
    await expect(writeFileAtomic(target, 'new content', steps)).rejects.toThrow(SimulatedCrash)
    expect(await readFile(target)).toEqual(old)
    const names = await readdir(folder)
    expect(names).toHaveLength(2)
    const stray = names.find((n) => n !== 'case.json')!
    expect(stray.startsWith(TEMP_PREFIX)).toBe(true)
    expect(await readFile(join(folder, stray), 'utf8')).toBe('new content')
  })

  it('leaves the old file whole and removes the partial temp file when writing fails with ENOSPC', async () => {
    const { folder, target, old } = await fileWithOldContent()
    const { steps, count } = recordingSteps({
      async writeAndFlush(tempPath, data) {
        // Half the data reaches the disk, then the disk is full.
        await writeFile(tempPath, String(data).slice(0, 5))
        throw errnoError('ENOSPC')
      },
    })
    await expect(writeFileAtomic(target, 'a much longer new content', steps)).rejects.toMatchObject(
      { code: 'ENOSPC' },
    )
    expect(count('rename')).toBe(0)
    expect(count('flushFolder')).toBe(0)
    expect(await readFile(target)).toEqual(old)
    expect(await readdir(folder)).toEqual(['case.json'])
  })

  it('retries a transient EPERM on rename and succeeds on the third attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const { folder, target } = await fileWithOldContent()
    let failures = 2
    const { steps, count } = recordingSteps({
      rename: (from, to) =>
        failures-- > 0 ? Promise.reject(errnoError('EPERM')) : nodeWriteSteps.rename(from, to),
    })
    const outcome = await settleWithFakeTimers(writeFileAtomic(target, 'after retry', steps))
    expect(outcome.status).toBe('fulfilled')
    expect(count('rename')).toBe(3)
    expect(await readFile(target, 'utf8')).toBe('after retry')
    expect(await readdir(folder)).toEqual(['case.json'])
  })

  it('gives up on a permanent EPERM after a bounded number of attempts, keeping the old file and no temp file', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const { folder, target, old } = await fileWithOldContent()
    const { steps, count } = recordingSteps({ rename: () => Promise.reject(errnoError('EPERM')) })
    const outcome = await settleWithFakeTimers(writeFileAtomic(target, 'never lands', steps))
    expect(outcome.status).toBe('rejected')
    expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'EPERM' })
    expect(count('rename')).toBeGreaterThan(1)
    expect(count('rename')).toBeLessThanOrEqual(10)
    expect(count('unlink')).toBe(1)
    expect(await readFile(target)).toEqual(old)
    expect(await readdir(folder)).toEqual(['case.json'])
  })
})

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('treats %s as transient and retries it', async (code) => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    let attempts = 0
    const rename = async () => {
      attempts++
      if (attempts < 4) throw errnoError(code)
    }
    const outcome = await settleWithFakeTimers(renameWithRetry('a', 'b', { rename }))
    expect(outcome.status).toBe('fulfilled')
    expect(attempts).toBe(4)
  })

  it('stops after exactly six attempts when the error never clears', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    let attempts = 0
    const rename = async () => {
      attempts++
      throw errnoError('EBUSY')
    }
    const outcome = await settleWithFakeTimers(renameWithRetry('a', 'b', { rename }))
    expect(outcome.status).toBe('rejected')
    expect(attempts).toBe(6)
  })

  it.each(['ENOENT', 'EXDEV', 'ENOTEMPTY', undefined])(
    'does not retry a non-transient error (%s)',
    async (code) => {
      let attempts = 0
      const rename = async () => {
        attempts++
        throw code ? errnoError(code) : new SimulatedCrash('no code')
      }
      await expect(renameWithRetry('a', 'b', { rename })).rejects.toBeDefined()
      expect(attempts).toBe(1)
    },
  )
})

describe('AtomicJsonFile (the lowdb adapter for library.json and case.json)', () => {
  it('reads a missing file as null, so a new library can be told apart from a damaged one', async () => {
    const folder = await temp.make()
    expect(await new AtomicJsonFile(join(folder, 'missing.json')).read()).toBeNull()
  })

  it('throws on a file that is not JSON instead of returning something to overwrite it with', async () => {
    const folder = await temp.make()
    const path = join(folder, 'bad.json')
    await writeFile(path, '{"title": "trunc')
    await expect(new AtomicJsonFile(path).read()).rejects.toThrow(SyntaxError)
  })

  it('ignores a byte-order mark written by Windows editors', async () => {
    const folder = await temp.make()
    const path = join(folder, 'bom.json')
    await writeFile(path, '\uFEFF{"name":"協働"}')
    expect(await new AtomicJsonFile(path).read()).toEqual({ name: '協働' })
  })

  it('writes indented JSON ending with a newline through the injected write steps', async () => {
    const folder = await temp.make()
    const path = join(folder, 'out.json')
    const { steps, count } = recordingSteps()
    await new AtomicJsonFile(path, steps).write({ a: [1, 2] })
    expect(await readFile(path, 'utf8')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}\n')
    expect(count('rename')).toBe(1)
  })

  it('leaves the previous JSON whole when its write fails', async () => {
    const { target, old } = await fileWithOldContent()
    const { steps } = recordingSteps({ rename: () => Promise.reject(errnoError('EIO')) })
    await expect(new AtomicJsonFile(target, steps).write({ title: 'new' })).rejects.toMatchObject({
      code: 'EIO',
    })
    expect(await readFile(target)).toEqual(old)
  })
})
