import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KB_METHODS } from '../../common/api'

// The desktop app's own start path, run here although the Electron binary cannot be: the BUILT
// out/main/index.js is loaded in plain Node with `electron` mapped to a recording stand-in
// (start-path/electron-hooks.mjs, start-path/electron-stand-in.mjs), one process per scenario
// (start-path/run-scenario.mjs). Needs `electron-vite build` first; `npm run test:browser` runs
// the build and then this project.

const PROJECT = join(import.meta.dirname, '..', '..')
const RUNNER = join(import.meta.dirname, 'start-path', 'run-scenario.mjs')
const SAMPLE = join(PROJECT, 'data')
const PHOTO_CASE = 'kasumigawa-seiso'

interface WindowRecord {
  options: { show?: boolean; webPreferences: Record<string, unknown> }
  loads: { kind: 'url' | 'file'; url?: string; path?: string; length?: number }[]
  shown: number
  focused: number
  restored: number
  destroyed: boolean
}

interface MessageBoxRecord {
  type?: string
  title?: string
  message: string
  detail?: string
  buttons: string[]
  pressed?: string
}

interface Report {
  record: {
    calls: string[]
    schemes: {
      schemes: { scheme: string; privileges: Record<string, boolean> }[]
      beforeReady: boolean
    }[]
    protocolHandlers: string[]
    ipcHandlers: string[]
    windows: WindowRecord[]
    messageBoxes: MessageBoxRecord[]
    openDialogs: { properties?: string[] }[]
    permissionHandlers: number
    headersListener: boolean
    forwarded: { url: string; bypassCustomProtocolHandlers: boolean }[]
    quit: {
      requested: number
      prevented: number
      completed: boolean
      exitCode: number | null
      resourcesAtQuit?: string[]
    }
  }
  results: Record<string, unknown>
  problems: { unhandledRejections: string[]; uncaughtExceptions: string[] }
}

interface Scenario {
  singleInstanceLock?: boolean
  messageBoxAnswers?: string[]
  folderAnswers?: string[]
  breakFsCp?: boolean
  throwOn?: string[]
  settleMs?: number
  actions?: ({ name: string } & Record<string, unknown>)[]
}

let temp: string
let counter = 0

beforeAll(async () => {
  if (!existsSync(join(PROJECT, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npx electron-vite build` first')
  }
  temp = await mkdtemp(join(tmpdir(), 'kb-start-path-'))
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

/** A fresh folder for one scenario: its app data, and room for libraries. */
async function workspace(): Promise<{ dir: string; appData: string }> {
  const dir = join(temp, `run-${++counter}`)
  await mkdir(dir, { recursive: true })
  return { dir, appData: join(dir, 'app-data') }
}

/** A copy of the sample library. */
async function sampleCopy(dir: string, name = 'library'): Promise<string> {
  const library = join(dir, name)
  await cp(SAMPLE, library, { recursive: true })
  return library
}

/** Starts the built main process once with the stand-in, and reads what it asked Electron for. */
async function start(
  scenario: Scenario,
  env: { appData: string; library?: string; devServer?: string },
): Promise<Report> {
  const report = join(env.appData, '..', `report-${++counter}.json`)
  const child = spawn(process.execPath, [RUNNER], {
    cwd: PROJECT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: childEnv({
      START_PATH_SCENARIO: JSON.stringify(scenario),
      START_PATH_REPORT: report,
      KB_APP_DATA: env.appData,
      KB_LIBRARY: env.library,
      ELECTRON_RENDERER_URL: env.devServer,
    }),
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (!existsSync(report)) throw new Error(`the scenario wrote no report (exit ${code}): ${stderr}`)
  return JSON.parse(await readFile(report, 'utf8')) as Report
}

/** This process's environment without the app's own variables, plus the scenario's. */
function childEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of ['KB_LIBRARY', 'KB_APP_DATA', 'KB_WATCH_POLLING', 'ELECTRON_RENDERER_URL']) {
    delete env[name]
  }
  for (const [name, value] of Object.entries(vars)) if (value !== undefined) env[name] = value
  return env
}

function expectNoUnhandledProblems(report: Report): void {
  expect(report.problems.unhandledRejections).toEqual([])
  expect(report.problems.uncaughtExceptions).toEqual([])
}

/** The dialog shown when the library cannot be opened: both languages, four ways on. */
function expectStartFailureDialog(box: MessageBoxRecord | undefined, folder: string): void {
  expect(box, 'a dialog says that the library could not be opened').toBeDefined()
  const text = `${box!.message}\n${box!.detail ?? ''}`
  expect(text).toContain('ライブラリを開けませんでした')
  expect(text).toContain('The library could not be opened')
  expect(text).toContain(folder)
  expect(box!.buttons.join('|')).toMatch(/別のライブラリを選ぶ.*Choose another library/)
  expect(box!.buttons.join('|')).toMatch(/再試行.*Retry/)
  expect(box!.buttons.join('|')).toMatch(/サンプルを開く.*Open the sample/)
  expect(box!.buttons.join('|')).toMatch(/終了.*Quit/)
}

describe('the desktop start path (built out/main/index.js, electron stand-in)', () => {
  it('a first start registers app:// before ready, takes the single-instance lock, seeds the sample without fs.cp (as inside app.asar), and opens one secure window on app://kb/index.html with a handler for every API method', async () => {
    const { appData } = await workspace()
    const report = await start(
      {
        breakFsCp: true,
        actions: [
          { name: 'info' },
          { name: 'serveApp', attachment: `${PHOTO_CASE}/kasen-seiso.png` },
        ],
      },
      { appData },
    )
    const { record, results } = report
    expectNoUnhandledProblems(report)
    // app:// is privileged before the app is ready (Electron refuses it afterwards).
    expect(record.schemes).toHaveLength(1)
    expect(record.schemes[0]!.beforeReady).toBe(true)
    expect(record.schemes[0]!.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ])
    expect(record.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      record.calls.indexOf('app.ready'),
    )
    expect(record.calls).toContain('app.requestSingleInstanceLock')
    expect(record.protocolHandlers).toContain('app')
    expect(record.permissionHandlers).toBe(2)
    // One window, with Electron's checklist on, loading the app from app://.
    expect(record.windows).toHaveLength(1)
    const [window] = record.windows
    expect(window!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
    const preload = window!.options.webPreferences.preload as string
    expect(preload).toBe(join(PROJECT, 'out', 'preload', 'index.cjs'))
    expect(existsSync(preload)).toBe(true)
    expect(window!.loads).toEqual([{ kind: 'url', url: 'app://kb/index.html', length: 19 }])
    expect(window!.shown).toBe(1)
    // Every method of the contract answers over IPC.
    expect([...record.ipcHandlers].sort()).toEqual([...KB_METHODS].sort())
    // The sample was copied although fs.cp could not read it.
    expect(results.info).toMatchObject({
      ok: true,
      value: { path: join(appData, 'library'), caseCount: 27 },
    })
    expect((await readdir(join(appData, 'library', 'cases'))).length).toBe(27)
    // app:// serves the built renderer and the attachments, with the app's CSP.
    expect(results.appIndex).toMatchObject({
      status: 200,
      text: expect.stringContaining('<!doctype html>'),
    })
    expect((results.appIndex as { csp: string }).csp).toContain("script-src 'self'")
    expect(results.appAttachment).toMatchObject({ status: 200 })
    expect(record.messageBoxes).toEqual([])
  })

  it('a second launch quits at once and opens nothing; the first one brings its window to the front', async () => {
    const second = await workspace()
    const denied = await start({ singleInstanceLock: false, settleMs: 1500 }, second)
    expectNoUnhandledProblems(denied)
    expect(denied.record.calls).toContain('app.quit')
    expect(denied.record.windows).toEqual([])
    expect(denied.record.ipcHandlers).toEqual([])
    expect(existsSync(join(second.appData, 'library'))).toBe(false)

    const first = await start({ actions: [{ name: 'secondInstance' }] }, await workspace())
    expect(first.record.windows).toHaveLength(1)
    expect(first.record.windows[0]).toMatchObject({ restored: 1, focused: 1 })
  })

  it('quitting closes the session: the save is on disk, the index (in app data) is released and the folder watcher closed before the app ends', async () => {
    const { dir, appData } = await workspace()
    const library = await sampleCopy(dir)
    const title = '河川敷クリーン作戦（終了前に保存）'
    const report = await start(
      { actions: [{ name: 'saveThenQuit', caseId: PHOTO_CASE, title }] },
      { appData, library },
    )
    expectNoUnhandledProblems(report)
    expect(report.results.save).toMatchObject({ ok: true })
    expect(report.record.quit.prevented).toBeGreaterThanOrEqual(1)
    expect(report.record.quit.completed).toBe(true)
    // The save reached the disk before the app ended; the search index lives in the user's app
    // data (never in the library) and re-reads changed cases at the next open, so nothing of it
    // is pending at quit: closing releases it and stops the watcher.
    const saved = await readFile(join(library, 'cases', PHOTO_CASE, 'case.json'), 'utf8')
    expect(saved, 'the case saved just before quitting is on disk').toContain(title)
    expect(existsSync(join(library, '.cache')), 'no index inside the library').toBe(false)
    const indexFolders = await readdir(join(appData, 'search-index'))
    expect(indexFolders, 'the index lives in app data').toHaveLength(1)
    expect(report.record.quit.resourcesAtQuit ?? []).not.toContain('FSEventWrap')
  })

  describe('when the library cannot be opened at start', () => {
    const failures: [label: string, prepare: (dir: string) => Promise<string>][] = [
      [
        'KB_LIBRARY on a share that is not reachable',
        async (dir) => join(dir, 'offline-share', 'kyodo'),
      ],
      [
        'a folder with other files and no library.json',
        async (dir) => {
          const folder = join(dir, 'documents')
          await mkdir(folder)
          await writeFile(join(folder, '議事録.docx'), 'not a library')
          return folder
        },
      ],
      [
        'a damaged library.json without a backup',
        async (dir) => {
          const folder = await sampleCopy(dir, 'damaged')
          await writeFile(join(folder, 'library.json'), '{"format": "kyodo-kb/1", "name": ')
          return folder
        },
      ],
    ]

    it.each(failures)(
      '%s: a dialog says so in Japanese and English and offers another library, retry, the sample or quit; quitting leaves no process and no unhandled rejection',
      async (_label, prepare) => {
        const { dir, appData } = await workspace()
        const library = await prepare(dir)
        const report = await start(
          { messageBoxAnswers: ['Quit'], settleMs: 4000 },
          { appData, library },
        )
        expectNoUnhandledProblems(report)
        expect(report.record.messageBoxes).toHaveLength(1)
        expectStartFailureDialog(report.record.messageBoxes[0], library)
        expect(report.record.windows).toEqual([])
        expect(report.record.quit.completed).toBe(true)
        // An unreachable share is reported, never replaced by a fresh local folder.
        if (_label.startsWith('KB_LIBRARY')) expect(existsSync(library)).toBe(false)
      },
    )

    it('「サンプルを開く」 opens a copy of the sample library', async () => {
      const { dir, appData } = await workspace()
      const report = await start(
        { messageBoxAnswers: ['Open the sample'], actions: [{ name: 'info' }] },
        { appData, library: join(dir, 'offline-share') },
      )
      expectNoUnhandledProblems(report)
      expect(report.record.windows).toHaveLength(1)
      expect(report.results.info).toMatchObject({
        ok: true,
        value: { path: join(appData, 'sample-library'), caseCount: 27 },
      })
    })

    it('「別のライブラリを選ぶ…」 opens the folder chosen in the folder dialog', async () => {
      const { dir, appData } = await workspace()
      const other = await sampleCopy(dir, 'chosen')
      const report = await start(
        {
          messageBoxAnswers: ['Choose another library'],
          folderAnswers: [other],
          actions: [{ name: 'info' }],
        },
        { appData, library: join(dir, 'offline-share') },
      )
      expectNoUnhandledProblems(report)
      expect(report.record.openDialogs).toHaveLength(1)
      expect(report.record.openDialogs[0]!.properties).toContain('openDirectory')
      expect(report.results.info).toMatchObject({ ok: true, value: { path: other } })
    })

    it('「再試行」 tries the same library again and asks again while it still fails', async () => {
      const { dir, appData } = await workspace()
      const report = await start(
        { messageBoxAnswers: ['Retry', 'Quit'], settleMs: 4000 },
        { appData, library: join(dir, 'offline-share') },
      )
      expectNoUnhandledProblems(report)
      expect(report.record.messageBoxes.map((b) => b.pressed)).toEqual([
        expect.stringContaining('Retry'),
        expect.stringContaining('Quit'),
      ])
      expect(report.record.quit.completed).toBe(true)
    })
  })

  it('a defect in the start itself (here: app:// cannot be registered) shows an error box in both languages and ends the process', async () => {
    const report = await start(
      { throwOn: ['protocol.handle:app'], settleMs: 4000 },
      await workspace(),
    )
    expectNoUnhandledProblems(report)
    expect(report.record.windows).toEqual([])
    expect(report.record.messageBoxes).toHaveLength(1)
    const [box] = report.record.messageBoxes
    expect(box!.title).toContain('起動できません')
    expect(box!.message).toContain('予期しないエラー')
    expect(box!.message).toContain('An unexpected error stopped the start')
    expect(box!.message).toContain('stand-in: protocol.handle:app failed')
    expect(report.record.quit).toMatchObject({ completed: true, exitCode: 1 })
  })

  it('printing a deck with a phone-sized photo works and never loads the handout as a data: URL', async () => {
    const { dir, appData } = await workspace()
    const library = await sampleCopy(dir)
    // A 3 MB PNG: as base64 inside a data: URL, the handout is far over Chromium's 2 MiB limit.
    const header = Buffer.from('89504e470d0a1a0a0000000d49484452000007800000043808060000', 'hex')
    const photo = Buffer.concat([header, Buffer.alloc(3 * 1024 * 1024, 7)])
    await writeFile(join(library, 'cases', PHOTO_CASE, 'attachments', 'phone-photo.png'), photo)
    const report = await start(
      { actions: [{ name: 'exportPdf', caseId: PHOTO_CASE }] },
      { appData, library },
    )
    expectNoUnhandledProblems(report)
    expect(report.results.exportPdf).toEqual({ ok: true, pdf: '%PDF-1.7 stand-in' })
    const printWindow = report.record.windows[1]
    expect(printWindow, 'a second, hidden window printed the handout').toBeDefined()
    expect(printWindow!.options.show).toBe(false)
    expect(printWindow!.options.webPreferences).toMatchObject({ sandbox: true, javascript: false })
    const loads = report.record.windows.flatMap((w) => w.loads)
    expect(loads.filter((l) => l.url?.startsWith('data:'))).toEqual([])
    const printed = printWindow!.loads[0]!
    expect(printed.kind).toBe('file')
    expect(existsSync(printed.path!), 'the temporary handout is removed').toBe(false)
    expect(printWindow!.destroyed).toBe(true)
  })

  it('「フォルダを選ぶ…」: library.pickFolder shows the native folder dialog and answers the chosen folder, or null when cancelled', async () => {
    const { dir, appData } = await workspace()
    const report = await start(
      {
        folderAnswers: [dir],
        actions: [{ name: 'pickFolder' }],
      },
      { appData },
    )
    expectNoUnhandledProblems(report)
    expect(report.record.openDialogs).toHaveLength(1)
    expect(report.record.openDialogs[0]!.properties).toEqual(
      expect.arrayContaining(['openDirectory', 'createDirectory']),
    )
    expect(report.results.pickFolder).toEqual({ ok: true, value: { path: dir } })

    const cancelled = await start({ actions: [{ name: 'pickFolder' }] }, await workspace())
    expect(cancelled.results.pickFolder).toEqual({ ok: true, value: { path: null } })
  })

  it('npm run dev: the window loads the dev server, its attachments come from the open library, and the dev server keeps its own (dev) CSP while everything else gets the app CSP', async () => {
    const { appData } = await workspace()
    const origin = 'http://localhost:5173'
    const report = await start(
      {
        actions: [{ name: 'devRequests', origin, attachment: `${PHOTO_CASE}/kasen-seiso.png` }],
      },
      { appData, devServer: `${origin}/` },
    )
    expectNoUnhandledProblems(report)
    expect(report.record.windows[0]!.loads).toEqual([
      { kind: 'url', url: `${origin}/`, length: origin.length + 1 },
    ])
    expect(report.results.devAttachment).toMatchObject({ status: 200, size: 2807 })
    expect(report.record.forwarded).toEqual([
      { url: `${origin}/src/main.tsx`, bypassCustomProtocolHandlers: true },
    ])
    expect(report.results.devHeaders).toEqual({})
    expect(report.results.otherHeaders).toMatchObject({
      responseHeaders: {
        'Content-Security-Policy': [expect.stringContaining("script-src 'self'")],
      },
    })
  })
})
