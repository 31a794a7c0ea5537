/**
 * `npm run web -- [--library <dir>] [--port <n>]`: serves the app and its API on 127.0.0.1.
 * The first line on stdout is `KB_URL=<url with token>`; build output goes to stderr so that
 * scripts can read that line. A second line, `KB_READY`, follows once the search index is built
 * and the folder watcher runs: from then on every change made to the library by another program
 * reaches the open pages. SIGTERM and SIGINT stop the host cleanly.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openLibrarySession } from '../library-session'
import { chromiumPrintPdf } from './chromium-pdf'
import { startWebHost } from './server'
import { parseWebArgs } from './web-args'
import { errorMessage } from '../../common/error-message'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const rendererDir = join(projectRoot, 'out', 'renderer')

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2))
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`)
    process.exit(2)
  }
  ensureRendererBuilt()
  const session = await openLibrarySession({
    libraryDir: args.library,
    sampleDir: join(projectRoot, 'data'),
    printPdf: chromiumPrintPdf,
  })
  const host = await startWebHost({
    dispatch: session.dispatch,
    events: session.events,
    rendererDir,
    token: randomBytes(24).toString('base64url'),
    port: args.port,
    attachmentPath: (caseId, name) => session.library().attachments.pathOf(caseId, name),
  })
  process.stdout.write(`KB_URL=${host.url}\n`)
  // The URL comes first so that a page can open while the index builds; the folder watcher starts
  // after the index, and a script that edits files behind the app waits for this line.
  void session.ready().then(
    () => process.stdout.write('KB_READY\n'),
    () => undefined,
  )
  process.stderr.write(`ライブラリ (library): ${session.library().root}\n`)
  const stop = () => {
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

/** Builds the renderer when out/ is missing or older than its sources. */
function ensureRendererBuilt(): void {
  const built = join(rendererDir, 'index.html')
  const sources = ['renderer', 'preload', 'common'].map((d) => join(projectRoot, d))
  if (existsSync(built) && newestMtime(sources) <= statSync(built).mtimeMs) return
  process.stderr.write('画面をビルドしています… (building the renderer)\n')
  const require = createRequire(import.meta.url)
  const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 2, 2],
  })
  if (result.status !== 0) {
    process.stderr.write('ビルドに失敗しました (build failed)\n')
    process.exit(1)
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0
  for (const path of paths) {
    if (!existsSync(path)) continue
    const info = statSync(path)
    if (info.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(path).map((n) => join(path, n))))
    } else newest = Math.max(newest, info.mtimeMs)
  }
  return newest
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`)
  process.exit(1)
})
