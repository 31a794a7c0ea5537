import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
}

/**
 * Memory in use after a full collection, in MB: the JS heap plus external memory (typed arrays,
 * large decoded strings). Collection is switched on only when this is first called.
 */
export function heapUsedMb(): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
  const usage = process.memoryUsage()
  return (usage.heapUsed + usage.external) / 1048576
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}
