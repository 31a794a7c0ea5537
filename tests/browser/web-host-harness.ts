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
  browser: Browser
  newPage(): Promise<Page>
  stop(): Promise<void>
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
  const url = await firstLine(host)
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

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => {
      if (line.startsWith('KB_URL=')) resolve(line.slice('KB_URL='.length))
      else reject(new Error(`unexpected first line: ${line}`))
    })
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)))
  })
}
