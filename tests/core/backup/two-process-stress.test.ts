import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../main/cli/commands/check'
import { openLibrary } from '../../../main/core/library'
import {
  PROJECT_ROOT,
  newLibrary,
  snapshotTree,
  tempFilesUnder,
  useTempFolders,
} from '../../helpers/temp-library'

const temp = useTempFolders()
const WORKER = fileURLToPath(new URL('./stress-worker.ts', import.meta.url))
const OPS = 100

interface Committed {
  saves: { id: string; tag: string }[]
  config: string[]
  conflicts: number
}

function runWorker(dir: string, name: string, ids: string[]): Promise<Committed> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, dir, name, String(OPS), ids.join(',')],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as Committed)
      else reject(new Error(`worker ${name} exited with ${code}: ${err}`))
    })
  })
}

describe('two processes on one library', () => {
  it(`keeps every committed change of 2 × ${OPS} interleaved saves and library.json updates, with no damaged file`, async () => {
    const { dir, library } = await newLibrary(temp)
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const doc = await library.cases.create({
        meta: { title: `共有事例 ${i}`, partnerTypes: ['npo'] },
        body: '',
      })
      ids.push(doc.meta.id)
    }
    const [a, b] = await Promise.all([runWorker(dir, 'A', ids), runWorker(dir, 'B', ids)])

    const reopened = await openLibrary(dir)
    for (const id of ids) {
      const doc = await reopened.cases.get(id)
      const expected = [...a.saves, ...b.saves].filter((s) => s.id === id).map((s) => s.tag)
      expect(new Set(doc.meta.tags)).toEqual(new Set(expected))
      expect(doc.meta.tags).toHaveLength(expected.length)
      expect(new Set(doc.body.trim().split('\n'))).toEqual(new Set(expected))
      expect(doc.meta.revision).toBe(1 + expected.length)
    }
    const config = reopened.config as typeof reopened.config & {
      stressLog: string[]
      stressCounter: number
    }
    expect(new Set(config.stressLog)).toEqual(new Set([...a.config, ...b.config]))
    expect(config.stressCounter).toBe(OPS)
    const out: string[] = []
    const code = await runCheck([dir], { stdout: (t) => out.push(t), stderr: () => undefined })
    expect(out.join('')).toBe('')
    expect(code).toBe(0)
    expect(await tempFilesUnder(dir)).toEqual([])
    const locks = Object.keys(await snapshotTree(dir)).filter((p) =>
      /(^|\/)\.(library\.)?lock\/$/.test(p),
    )
    expect(locks).toEqual([])
  }, 60_000)
})
