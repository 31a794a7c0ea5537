import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { buildIndexFile } from './index-build'

type Progress = (done: number, total: number) => void

type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; caseCount: number }
  | { type: 'error'; message: string }

/**
 * Builds the index file of the library at `root` in a worker thread, so reading and indexing
 * thousands of cases never blocks the thread that answers the UI. When no worker can be started
 * (an unusual packaging), the build runs here instead: slower to answer meanwhile, never wrong.
 */
export async function buildIndexInWorker(
  root: string,
  file: string,
  onProgress?: Progress,
): Promise<{ caseCount: number }> {
  let worker: Worker
  try {
    worker = startWorker(root, file)
  } catch {
    return buildIndexFile(root, file, { onProgress })
  }
  let started = false
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      started = true
      if (message.type === 'progress') onProgress?.(message.done, message.total)
      else if (message.type === 'done') resolve({ caseCount: message.caseCount })
      else reject(new Error(message.message))
      if (message.type !== 'progress') void worker.terminate()
    })
    worker.on('error', (error) => {
      // A worker that could not even load its code: build here rather than not at all.
      if (!started) buildIndexFile(root, file, { onProgress }).then(resolve, reject)
      else reject(error)
    })
  })
}

/**
 * From the sources (tsx, vitest) the worker is TypeScript: it registers tsx's loader first. In
 * the electron-vite build it is its own bundled entry next to the main bundle
 * (electron.vite.config.ts).
 */
function startWorker(root: string, file: string): Worker {
  const workerData = { root, file }
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./index-build-worker.js', import.meta.url), { workerData })
  }
  const tsxApi = join(
    dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  )
  const entry = new URL('./index-build-worker.ts', import.meta.url).href
  const code =
    `import(${JSON.stringify(pathToFileURL(tsxApi).href)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(code, { eval: true, workerData })
}
