import Fuse from 'fuse.js'
import type { CaseDoc } from '../../common/model'
import type { BenchQuery } from './queries'

export interface BaselineRun {
  buildMs: number
  /** Per query run (in order until the time budget ran out): latency and the ids found. */
  runs: { query: BenchQuery; ms: number; ids: string[] }[]
}

/**
 * Plain fuse.js as a naive app would use it: keys title, tags and body, `ignoreLocation` so
 * matches late in a body count, default threshold. Each query runs once; the whole baseline
 * stops after `budgetMs` (one query over 10,000 long bodies takes seconds).
 */
export function runFuseBaseline(
  docs: CaseDoc[],
  queries: BenchQuery[],
  budgetMs: number,
): BaselineRun {
  const started = performance.now()
  const fuse = new Fuse(
    docs.map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      tags: d.meta.tags ?? [],
      body: d.body,
    })),
    { keys: ['title', 'tags', 'body'], ignoreLocation: true },
  )
  const buildMs = performance.now() - started
  const runs: BaselineRun['runs'] = []
  for (const query of queries) {
    if (performance.now() - started > budgetMs) break
    const t = performance.now()
    const ids = fuse.search(query.query).map((r) => r.item.id)
    runs.push({ query, ms: performance.now() - t, ids })
  }
  return { buildMs, runs }
}
