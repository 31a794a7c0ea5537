import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type Page } from 'playwright-core'

const PROJECT = join(import.meta.dirname, '..', '..')
export const ARTIFACTS = join(PROJECT, 'test-artifacts', 'screenshots')

export interface RunningApp {
  url: string
  token: string
  origin: string
  libraryDir: string
  /**
   * Resolves once the host has built its index and its folder watcher runs (`KB_READY`). A test
   * that changes the library's files behind the app waits for it: a change made earlier can be
   * read by the index build itself and is then never announced to a page that loaded the case
   * before.
   */
  watching: Promise<void>
  browser: Browser
  newPage(): Promise<Page>
  stop(): Promise<void>
}

/** The answer of an API call: the envelope the web host sends. */
export interface ApiEnvelope<T> {
  ok: boolean
  value: T
  error?: unknown
}

/** Calls the web host's API the way the page does (POST, the token as bearer). */
export async function callApi<T>(
  app: Pick<RunningApp, 'origin' | 'token'>,
  method: string,
  args: unknown[],
): Promise<ApiEnvelope<T>> {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ args }),
  })
  return (await response.json()) as ApiEnvelope<T>
}

/**
 * Starts `npm run web`'s entry on a temp copy of the sample library and launches Debian's
 * Chromium (headless, no network besides loopback). The built renderer must exist
 * (`npm run test:browser` builds it first).
 */
export async function startApp(options: { empty?: boolean } = {}): Promise<RunningApp> {
  const libraryDir = await mkdtemp(join(tmpdir(), 'kb-browser-'))
  if (!options.empty) await cp(join(PROJECT, 'data'), libraryDir, { recursive: true })
  const host = spawn(
    process.execPath,
    [
      join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'main/web/start.ts',
      '--library',
      libraryDir,
    ],
    {
      cwd: PROJECT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KB_APP_DATA: join(libraryDir, '.app-data-for-test') },
    },
  )
  const { url, watching } = await hostLines(host)
  const parsed = new URL(url)
  await mkdir(ARTIFACTS, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    url,
    token: parsed.searchParams.get('token') ?? '',
    origin: parsed.origin,
    libraryDir,
    watching,
    browser,
    async newPage() {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 860 },
        locale: 'ja-JP',
      })
      return context.newPage()
    },
    async stop() {
      await browser.close()
      host.kill('SIGTERM')
      await new Promise((resolve) => host.once('exit', resolve))
      await rm(libraryDir, { recursive: true, force: true })
    },
  }
}

/** The host's first line (its URL), and the later `KB_READY` line as a promise. */
function hostLines(child: ChildProcess): Promise<{ url: string; watching: Promise<void> }> {
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`))),
  )
  exited.catch(() => undefined)
  const lines = createInterface({ input: child.stdout! })
  const watching = Promise.race([
    new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        if (line === 'KB_READY') resolve()
      }),
    ),
    exited,
  ])
  watching.catch(() => undefined)
  const url = Promise.race([
    new Promise<string>((resolve, reject) =>
      lines.once('line', (line) => {
        if (line.startsWith('KB_URL=')) resolve(line.slice('KB_URL='.length))
        else reject(new Error(`unexpected first line: ${line}`))
      }),
    ),
    exited,
  ])
  return url.then((u) => ({ url: u, watching }))
}
