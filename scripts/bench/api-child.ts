/**
 * One measured app process for the benchmark: opens the library the way the desktop app and the
 * web host do (openLibrarySession: per-user index, worker build, folder watcher), times the first
 * answered search from the start of the open, then (unless --first-only) runs every query through
 * the API dispatch (argument validation, envelope) and serialises each answer as the web host
 * would. Run in its own process so its memory is the app's alone.
 *
 *   tsx --expose-gc scripts/bench/api-child.ts <library> <appData> <queries.json> <out.json> [--first-only]
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { SearchResult } from '../../preload/contract'
import { openLibrarySession } from '../../main/library-session'

const REPEATS = 5
const LIMIT = 100
const [library, appData, queriesFile, outFile] = process.argv.slice(2)
const firstOnly = process.argv.includes('--first-only')
const queries = JSON.parse(await readFile(queriesFile!, 'utf8')) as { query: string }[]

const started = performance.now()
const session = await openLibrarySession({
  libraryDir: library!,
  sampleDir: fileURLToPath(new URL('../../data', import.meta.url)),
  appData: appData!,
})
const first = await session.dispatch('search.query', [queries[0]!.query, { limit: LIMIT }])
if (!first.ok) throw new Error(JSON.stringify(first))
const firstAnswerMs = performance.now() - started
await session.ready()
const results: { ms: number[]; total: number; ids: string[] }[] = []
if (!firstOnly) {
  for (const { query } of queries) {
    const warm = await session.dispatch('search.query', [query, { limit: LIMIT }])
    if (!warm.ok) throw new Error(JSON.stringify(warm))
    const value = warm.value as SearchResult
    const ms: number[] = []
    for (let r = 0; r < REPEATS; r++) {
      const t = performance.now()
      const answer = await session.dispatch('search.query', [query, { limit: LIMIT }])
      JSON.stringify(answer)
      ms.push(performance.now() - t)
    }
    results.push({ ms, total: value.total, ids: value.ids })
  }
}
;(globalThis as { gc?: () => void }).gc?.()
const rssMb = process.memoryUsage().rss / 1048576
const peakRssMb = process.resourceUsage().maxRSS / 1024
await session.close()
await writeFile(outFile!, JSON.stringify({ firstAnswerMs, rssMb, peakRssMb, results }))
process.exit(0)
