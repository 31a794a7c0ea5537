/**
 * `npm run bench [-- --large] [-- --sizes 1000,10000] [-- --only real|synthetic]`
 *
 * For each corpus (real Japanese prose from the manual pages, and the synthetic case studies) and
 * size: writes a format-v1 library, opens it in a fresh app process twice (cold: no index yet,
 * built by the worker; warm: index read back), runs the query mix through the API with limit 100,
 * and prints, side by side, this engine through the API, the raw substring scan floor and plain
 * fuse.js: latency, recall against the scan's ground truth, open times, memory, index size.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CaseDoc } from '../../common/model'
import type { QueryFigures } from './api-child'
import { runFuseBaseline } from './fuse-baseline'
import { fmt, percentile } from './measure'
import { BENCH_QUERIES, type BenchQuery } from './queries'
import { realTextCases } from './real-library'
import { realTextQueries } from './real-queries'
import { readManPages, type ManPage } from './real-text'
import { SubstringScan, recall } from './scan'
import { syntheticCase, writeLibrary } from './synthetic-library'

const FUSE_BUDGET_MS = 20_000
const PROJECT = fileURLToPath(new URL('../..', import.meta.url))

const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const sizes = option('--sizes')?.split(',').map(Number) ?? [
  1_000,
  10_000,
  ...(args.includes('--large') ? [100_000] : []),
]
const corpora = (option('--only') ?? 'real,synthetic').split(',') as ('real' | 'synthetic')[]

interface ChildResult {
  firstAnswerMs: number
  rssMb: number
  peakRssMb: number
  figures: QueryFigures[]
}

function runChild(dir: string, appData: string, queriesFile: string, firstOnly: boolean) {
  const out = join(appData, `..`, `child-${Date.now()}.json`)
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      join(PROJECT, 'scripts/bench/api-child.ts'),
      dir,
      appData,
      queriesFile,
      out,
      ...(firstOnly ? ['--first-only'] : []),
    ],
    {
      cwd: PROJECT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, KB_WATCH_POLLING: '0' },
    },
  )
  if (run.status !== 0) throw new Error(`api-child failed (${run.status})`)
  return readFile(out, 'utf8').then((text) => JSON.parse(text) as ChildResult)
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size
  }
  return total
}

const stats = (xs: number[]) =>
  `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 95))} / ${fmt(Math.max(...xs))}`

interface Column {
  label: string
  rows: Map<string, string>
  kinds: Map<string, { ms: number[]; cpu: number[]; scanMs: number[]; scanCpu: number[] }>
}

async function benchOne(
  corpus: string,
  docs: CaseDoc[],
  queriesOf: (scan: SubstringScan) => BenchQuery[],
) {
  const root = await mkdtemp(join(tmpdir(), `kb-bench-${corpus}-${docs.length}-`))
  const dir = join(root, 'library')
  const appData = join(root, 'appdata')
  try {
    await writeLibrary(dir, docs)
    const scan = new SubstringScan(docs)
    const queries = queriesOf(scan)
    const queriesFile = join(root, 'queries.json')
    await writeFile(queriesFile, JSON.stringify(queries))
    process.stderr.write(`  ${corpus} ${docs.length}: cold open…\n`)
    const cold = await runChild(dir, appData, queriesFile, true)
    process.stderr.write(`  ${corpus} ${docs.length}: warm open and ${queries.length} queries…\n`)
    const warm = await runChild(dir, appData, queriesFile, false)
    const textBytes = await folderBytes(join(dir, 'cases'))
    const indexBytes = await folderBytes(join(appData, 'search-index'))

    const column: Column = { label: `${corpus} ${docs.length}`, rows: new Map(), kinds: new Map() }
    const all = {
      ms: [] as number[],
      cpu: [] as number[],
      scanMs: [] as number[],
      scanCpu: [] as number[],
    }
    const noHitMs: number[] = []
    const truth = new Map<string, string[]>()
    let minRecall = 1
    let scanned = 0
    queries.forEach((q, i) => {
      const f = warm.figures[i]!
      all.ms.push(...f.ms)
      all.cpu.push(...f.cpu)
      all.scanMs.push(...f.scanMs)
      all.scanCpu.push(...f.scanCpu)
      if (f.total === 0) noHitMs.push(...f.ms)
      const kind = column.kinds.get(q.kind) ?? { ms: [], cpu: [], scanMs: [], scanCpu: [] }
      column.kinds.set(q.kind, kind)
      kind.ms.push(...f.ms)
      kind.cpu.push(...f.cpu)
      kind.scanMs.push(...f.scanMs)
      kind.scanCpu.push(...f.scanCpu)
      if (f.recall === null) return
      truth.set(q.query, scan.matches(q.query))
      minRecall = Math.min(minRecall, f.recall)
      scanned++
    })
    process.stderr.write(`  ${corpus} ${docs.length}: fuse.js baseline…\n`)
    const fuse = runFuseBaseline(docs, queries, FUSE_BUDGET_MS)
    const fuseRuns = fuse.runs.filter((r) => truth.has(r.query.query))
    const fuseRecalls = fuseRuns.map((r) => recall(truth.get(r.query.query)!, r.ids))
    const fuseMean = fuseRecalls.reduce((a, b) => a + b, 0) / Math.max(1, fuseRecalls.length)

    const set = (k: string, v: string) => column.rows.set(k, v)
    const p95 = (xs: number[]) => percentile(xs, 95)
    set('queries (scannable by the substring scan)', `${queries.length} (${scanned})`)
    set('case text on disk, UTF-8 (MB)', (textBytes / 1048576).toFixed(1))
    set(
      'index on disk (MB, × text)',
      `${(indexBytes / 1048576).toFixed(1)} (${(indexBytes / textBytes).toFixed(2)}×)`,
    )
    set('cold: first answer after start, index built by the worker (ms)', fmt(cold.firstAnswerMs))
    set('warm: first answer after start (ms)', fmt(warm.firstAnswerMs))
    set('RSS after warm open + all queries (MB)', warm.rssMb.toFixed(0))
    set('peak RSS of the cold open, worker included (MB)', cold.peakRssMb.toFixed(0))
    set('engine via API, wall p50 / p95 / max (ms), limit 100, ×5', stats(all.ms))
    set('scan floor, wall p50 / p95 / max (ms), same process, interleaved', stats(all.scanMs))
    set('engine p95 ÷ scan p95, wall', (p95(all.ms) / p95(all.scanMs)).toFixed(2))
    set('engine via API, CPU p50 / p95 / max (ms)', stats(all.cpu))
    set('scan floor, CPU p50 / p95 / max (ms)', stats(all.scanCpu))
    set('engine p95 ÷ scan p95, CPU', (p95(all.cpu) / p95(all.scanCpu)).toFixed(2))
    set('queries with no hits, wall max (ms)', noHitMs.length ? fmt(Math.max(...noHitMs)) : '—')
    set('engine recall vs substring truth, min', `${(minRecall * 100).toFixed(1)}%`)
    set(
      'fuse.js p50 / p95 / max (ms) [queries run in 20 s]',
      `[${fuse.runs.length}/${queries.length}] ${stats(fuse.runs.map((r) => r.ms))}`,
    )
    set(
      'fuse.js recall mean / min [scannable queries it ran]',
      `[${fuseRuns.length}] ${(fuseMean * 100).toFixed(1)}% / ${(Math.min(1, ...fuseRecalls) * 100).toFixed(1)}%`,
    )
    return column
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

function table(columns: Column[]): string {
  const labels = [...columns[0]!.rows.keys()]
  const lines = [
    `| measure | ${columns.map((c) => c.label).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...labels.map((l) => `| ${l} | ${columns.map((c) => c.rows.get(l) ?? '—').join(' | ')} |`),
  ]
  return lines.join('\n')
}

function kindTable(column: Column): string {
  const p = (xs: number[]) => (xs.length ? fmt(percentile(xs, 95)) : '—')
  const lines = [
    `| query shape (${column.label}), p95 in ms | engine wall | scan wall | engine CPU | scan CPU |`,
    '|---|---:|---:|---:|---:|',
    ...[...column.kinds].map(
      ([kind, k]) => `| ${kind} | ${p(k.ms)} | ${p(k.scanMs)} | ${p(k.cpu)} | ${p(k.scanCpu)} |`,
    ),
  ]
  return lines.join('\n')
}

let pages: ManPage[] | null = null
const columns: Column[] = []
for (const corpus of corpora) {
  for (const size of sizes) {
    process.stderr.write(`benchmark: ${corpus} text, ${size} cases…\n`)
    if (corpus === 'real') {
      pages ??= await readManPages()
      const docs = realTextCases(pages, size)
      columns.push(await benchOne('real', docs, (scan) => realTextQueries(docs, scan)))
    } else {
      const docs = Array.from({ length: size }, (_, n) => syntheticCase(n + 1))
      columns.push(await benchOne('synthetic', docs, () => BENCH_QUERIES))
    }
  }
}
process.stdout.write(`${table(columns)}\n\n`)
for (const column of columns)
  if (column.label.startsWith('real')) process.stdout.write(`${kindTable(column)}\n\n`)
process.stdout.write(
  `node ${process.version}, ${cpus().length} cores, load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.\n`,
)
