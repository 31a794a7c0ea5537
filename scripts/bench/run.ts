/**
 * `npm run bench [-- --large] [-- --sizes 1000,10000]`: builds synthetic libraries on disk and
 * prints open times, heap, query latency and recall of the search engine against plain fuse.js.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../main/core/library'
import { loadLibraryIndex } from '../../main/core/search/library-index'
import { SearchEngine } from '../../main/core/search/search-engine'
import { runFuseBaseline } from './fuse-baseline'
import { GroundTruth, recall } from './ground-truth'
import { fmt, heapUsedMb, percentile, timed } from './measure'
import { BENCH_QUERIES } from './queries'
import { syntheticCase, writeLibrary } from './synthetic-library'

const REPEATS = 5
const FUSE_BUDGET_MS = 60_000

const args = process.argv.slice(2)
const sizesArg = args[args.indexOf('--sizes') + 1]
const sizes =
  args.includes('--sizes') && sizesArg
    ? sizesArg.split(',').map(Number)
    : [1_000, 10_000, ...(args.includes('--large') ? [50_000] : [])]

interface Row {
  label: string
  value: string
}

async function benchSize(size: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), `kb-bench-${size}-`))
  try {
    const docs = Array.from({ length: size }, (_, n) => syntheticCase(n + 1))
    await writeLibrary(dir, docs)
    const synonyms = (await openLibrary(dir)).config.synonyms

    // Only the time is kept: a second engine in memory would distort the heap and GC figures.
    const buildMs = (await timed(() => SearchEngine.build(docs, { synonyms }).size)).ms
    const heapBefore = heapUsedMb()
    const cold = await timed(async () => {
      const library = await openLibrary(dir)
      const list = await timed(() => library.cases.list())
      const index = await timed(() => loadLibraryIndex(library))
      return { listMs: list.ms, indexMs: index.ms, fromCache: index.value.fromCache }
    })
    const warm = await timed(async () => {
      const library = await openLibrary(dir)
      return loadLibraryIndex(library)
    })
    if (!warm.value.fromCache) throw new Error('warm open did not use the cache')
    const engine = warm.value.engine
    const heapMb = heapUsedMb() - heapBefore

    // Ground truth first, then dropped, so its copy of every text is not in the heap while timing.
    let truth: GroundTruth | null = new GroundTruth(docs)
    const expected = new Map(
      BENCH_QUERIES.filter((q) => q.plain).map((q) => [q.query, truth!.matches(q.query)]),
    )
    truth = null
    const samples: number[] = []
    // CPU time too: on a shared machine the wall clock also counts time spent waiting for a core.
    const cpuSamples: number[] = []
    let engineRecall = 1
    let recallQueries = 0
    for (const q of BENCH_QUERIES) {
      const result = engine.query(q.query, { limit: 50 })
      for (let r = 0; r < REPEATS; r++) {
        const cpu = process.cpuUsage()
        const t = performance.now()
        engine.query(q.query, { limit: 50 })
        samples.push(performance.now() - t)
        const used = process.cpuUsage(cpu)
        cpuSamples.push((used.user + used.system) / 1000)
      }
      if (q.plain) {
        engineRecall = Math.min(engineRecall, recall(expected.get(q.query)!, result.ids))
        recallQueries++
      }
      if (size === sizes[0]) process.stderr.write(`  ${q.query} → ${result.total}\n`)
    }

    const baseline = runFuseBaseline(docs, BENCH_QUERIES, FUSE_BUDGET_MS)
    const fuseSamples = baseline.runs.map((r) => r.ms)
    const plainRuns = baseline.runs.filter((r) => r.query.plain)
    const fuseRecall = plainRuns.length
      ? plainRuns.reduce((sum, r) => sum + recall(expected.get(r.query.query)!, r.ids), 0) /
        plainRuns.length
      : NaN
    const fuseMin = plainRuns.reduce(
      (m, r) => Math.min(m, recall(expected.get(r.query.query)!, r.ids)),
      1,
    )
    // The engine's latency over the same queries the baseline managed to run, for a fair ratio.
    const sameQueries = new Set(baseline.runs.map((r) => r.query.query))
    const engineOnSame = BENCH_QUERIES.flatMap((q, i) =>
      sameQueries.has(q.query) ? samples.slice(i * REPEATS, (i + 1) * REPEATS) : [],
    )
    const ratio = percentile(fuseSamples, 50) / percentile(engineOnSame, 50)

    return [
      { label: 'cases', value: String(size) },
      { label: 'cold open: list cases (ms)', value: fmt(cold.value.listMs) },
      { label: 'cold open: read + build index + write cache (ms)', value: fmt(cold.value.indexMs) },
      { label: 'cold open total (ms)', value: fmt(cold.ms) },
      { label: 'warm open: index from cache (ms)', value: fmt(warm.ms) },
      { label: 'index build, in memory (ms)', value: fmt(buildMs) },
      { label: 'memory used by the index, heap + external (MB)', value: heapMb.toFixed(0) },
      {
        label: `engine query p50 / p95 / max (ms), ${BENCH_QUERIES.length} queries × ${REPEATS}`,
        value: `${fmt(percentile(samples, 50))} / ${fmt(percentile(samples, 95))} / ${fmt(Math.max(...samples))}`,
      },
      {
        label: 'engine query CPU time p50 / p95 / max (ms)',
        value: `${fmt(percentile(cpuSamples, 50))} / ${fmt(percentile(cpuSamples, 95))} / ${fmt(Math.max(...cpuSamples))}`,
      },
      {
        label: `engine recall (min over ${recallQueries} plain queries)`,
        value: `${(engineRecall * 100).toFixed(1)}%`,
      },
      { label: 'fuse.js index build (ms)', value: fmt(baseline.buildMs) },
      {
        label: 'fuse.js query p50 / p95 / max (ms) [queries run within the budget]',
        value: `[${baseline.runs.length}/${BENCH_QUERIES.length}] ${fmt(percentile(fuseSamples, 50))} / ${fmt(percentile(fuseSamples, 95))} / ${fmt(Math.max(...fuseSamples))}`,
      },
      {
        label: 'fuse.js recall, mean / min [plain queries it ran]',
        value: `[${plainRuns.length}] ${(fuseRecall * 100).toFixed(1)}% / ${(fuseMin * 100).toFixed(1)}%`,
      },
      { label: 'speed ratio, p50 fuse.js / engine (same queries)', value: `${ratio.toFixed(0)}×` },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const columns: Row[][] = []
for (const size of sizes) {
  process.stderr.write(`benchmark: ${size} cases…\n`)
  columns.push(await benchSize(size))
}
const labels = columns[0]!.map((r) => r.label)
const header = `| measure | ${columns.map((c) => c[0]!.value).join(' | ')} |`
const lines = [header, `|---|${columns.map(() => '---:').join('|')}|`]
labels
  .slice(1)
  .forEach((label, i) =>
    lines.push(`| ${label} | ${columns.map((c) => c[i + 1]!.value).join(' | ')} |`),
  )
process.stdout.write(
  `${lines.join('\n')}\n\nfuse.js baseline: each query once, stopping after ${FUSE_BUDGET_MS / 1000} s per size; node ${process.version}, ${cpus().length} cores, load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.\n`,
)
