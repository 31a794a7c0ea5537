import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { buildIndexFile } from './index-build'

/**
 * Worker-thread entry of a cold index build: `workerData` is {root, file}; posts
 * {type: 'progress', done, total} while reading and {type: 'done', caseCount} or
 * {type: 'error', message} at the end. Started by index-builder.ts.
 */
const { root, file } = workerData as { root: string; file: string }
// On Linux a thread has its own nice value (setpriority on "this process" means this thread):
// when cores are scarce the build yields to the thread answering the user. Elsewhere the call
// would lower the whole app, so the build runs at normal priority there.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10)
  } catch {
    // not permitted: build at normal priority
  }
}
const port = parentPort!
buildIndexFile(root, file, {
  blocking: true,
  onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }),
})
  .then(({ caseCount }) => port.postMessage({ type: 'done', caseCount }))
  .catch((error: unknown) =>
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    }),
  )
