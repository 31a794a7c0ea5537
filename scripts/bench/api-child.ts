/**
 * One measured app process for the benchmark: opens the library the way the desktop app and the
 * web host do (openLibrarySession: per-user index, worker build, folder watcher) and times the
 * first answered search from the start of the open. Unless --first-only, it then runs every
 * query through the API dispatch (argument validation, envelope, answer serialised as the web
 * host does), notes the process's memory, and finally times each query again alternating with
 * the raw substring scan of the same normalised text, so that engine and scan floor are measured
 * in the same process under the same load (the machine is shared). Wall and CPU time both.
 *
 *   tsx --expose-gc scripts/bench/api-child.ts <library> <appData> <queries.json> <out.json> [--first-only]
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CaseDoc, SearchResult } from '../../common/model'
import { readCaseDoc } from '../../main/core/case-files'
import { caseIdsIn } from '../../main/core/search/case-signatures'
import { openLibrarySession } from '../../main/library-session'
import { SubstringScan, recall } from './scan'

const REPEATS = 5
const LIMIT = 100
const [library, appData, queriesFile, outFile] = process.argv.slice(2)
const firstOnly = process.argv.includes('--first-only')
const queries = JSON.parse(await readFile(queriesFile!, 'utf8')) as { query: string }[]

export interface QueryFigures {
  ms: number[]
  cpu: number[]
  scanMs: number[]
  scanCpu: number[]
  total: number
  /** Share of the scan's matches the engine found; null for a query the scan cannot answer. */
  recall: number | null
}

const started = performance.now()
const session = await openLibrarySession({
  libraryDir: library!,
  sampleDir: fileURLToPath(new URL('../../data', import.meta.url)),
  appData: appData!,
})
const ask = async (query: string) => {
  const answer = await session.dispatch('search.query', [query, { limit: LIMIT }])
  if (!answer.ok) throw new Error(JSON.stringify(answer))
  JSON.stringify(answer)
  return answer.value as SearchResult
}
await ask(queries[0]!.query)
const firstAnswerMs = performance.now() - started
await session.ready()
const figures: QueryFigures[] = []
let rssMb = 0
if (!firstOnly) {
  for (const { query } of queries) for (let r = 0; r < REPEATS; r++) await ask(query)
  ;(globalThis as { gc?: () => void }).gc?.()
  rssMb = process.memoryUsage().rss / 1048576
  const docs: CaseDoc[] = []
  for (const id of await caseIdsIn(library!)) {
    docs.push(await readCaseDoc(join(library!, 'cases', id), id))
  }
  const scan = new SubstringScan(docs)
  for (const { query } of queries) {
    const f: QueryFigures = { ms: [], cpu: [], scanMs: [], scanCpu: [], total: 0, recall: null }
    const scannable = SubstringScan.scannable(query)
    let ids: string[] = []
    let truth: string[] = []
    for (let r = 0; r < REPEATS; r++) {
      let cpu = process.cpuUsage()
      let t = performance.now()
      const result = await ask(query)
      f.ms.push(performance.now() - t)
      let used = process.cpuUsage(cpu)
      f.cpu.push((used.user + used.system) / 1000)
      ids = result.ids
      f.total = result.total
      if (!scannable) continue
      cpu = process.cpuUsage()
      t = performance.now()
      truth = scan.matches(query)
      f.scanMs.push(performance.now() - t)
      used = process.cpuUsage(cpu)
      f.scanCpu.push((used.user + used.system) / 1000)
    }
    if (scannable) f.recall = recall(truth, ids)
    figures.push(f)
  }
}
const peakRssMb = process.resourceUsage().maxRSS / 1024
await session.close()
await writeFile(outFile!, JSON.stringify({ firstAnswerMs, rssMb, peakRssMb, figures }))
process.exit(0)
