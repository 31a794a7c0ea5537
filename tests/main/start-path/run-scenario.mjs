// One start of the built main process (out/main/index.js) in plain Node, with `electron` mapped
// to the recording stand-in. The scenario (JSON in START_PATH_SCENARIO) scripts the dialog
// answers and the actions to take once the app has started; what Electron was asked for, and
// the results, are written as JSON to START_PATH_REPORT. Run by tests/main/start-path.test.ts,
// one process per scenario: the main process has start-up side effects and can run only once.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import { register, syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

register('./electron-hooks.mjs', import.meta.url)

const PROJECT = fileURLToPath(new URL('../../..', import.meta.url))
const scenario = JSON.parse(process.env.START_PATH_SCENARIO ?? '{}')
const problems = { unhandledRejections: [], uncaughtExceptions: [] }

// Electron logs an unhandled rejection in the main process and carries on (no window, process
// alive); Node would crash instead. Record them the way Electron would let them pass.
process.on('unhandledRejection', (reason) => {
  problems.unhandledRejections.push(String(reason instanceof Error ? reason.message : reason))
})
process.on('uncaughtException', (error) => {
  problems.uncaughtExceptions.push(String(error instanceof Error ? error.message : error))
})

if (scenario.breakFsCp) {
  // Inside app.asar, fs.cp cannot read the archive (it bypasses Electron's fs patches).
  const refuse = async () => {
    throw Object.assign(new Error('ENOTDIR: fs.cp cannot walk app.asar'), { code: 'ENOTDIR' })
  }
  fsp.cp = refuse
  fs.cp = (_from, _to, _options, callback) => callback?.(new Error('ENOTDIR'))
  fs.cpSync = () => {
    throw new Error('ENOTDIR: fs.cpSync cannot walk app.asar')
  }
  syncBuiltinESMExports()
}

const { app, record, script } = await import('electron')
script.singleInstanceLock = scenario.singleInstanceLock ?? true
script.messageBoxAnswers = [...(scenario.messageBoxAnswers ?? [])]
script.folderAnswers = [...(scenario.folderAnswers ?? [])]
script.throwOn = [...(scenario.throwOn ?? [])]
const results = {}
let finished = false

function finish() {
  if (finished) return
  finished = true
  fs.writeFileSync(
    process.env.START_PATH_REPORT,
    JSON.stringify({ record: summary(), results, problems }, null, 1),
  )
  process.exit(0)
}
script.onQuit = finish

/** The record, without functions (handlers are reported by name). */
function summary() {
  return {
    ...record,
    protocolHandlers: Object.keys(record.protocolHandlers),
    ipcHandlers: Object.keys(record.ipcHandlers),
    headersListener: record.headersListener !== null,
  }
}

const sender = { senderFrame: { parent: null, origin: scenario.origin ?? 'app://kb' } }
const invoke = (method, ...args) => {
  const handler = record.ipcHandlers[method]
  if (!handler) return { ok: false, error: { code: 'no-handler', message: method } }
  return handler(sender, ...args)
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function settle() {
  const until = Date.now() + (scenario.settleMs ?? 10_000)
  while (Date.now() < until) {
    if (record.windows.length > 0 || record.quit.completed) return
    await delay(20)
  }
}

async function serve(scheme, url) {
  const response = await record.protocolHandlers[scheme](new Request(url))
  const body = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    csp: response.headers.get('Content-Security-Policy'),
    size: body.length,
    text: body.subarray(0, 200).toString('utf8'),
  }
}

function headersFor(url) {
  let answer = null
  record.headersListener?.({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (a) => {
    answer = a
  })
  return answer
}

const ACTIONS = {
  info: async () => (results.info = await invoke('library.info')),
  secondInstance: async () => {
    const window = (await import('electron')).BrowserWindow.getAllWindows()[0]
    if (window) window.minimized = true
    app.emit('second-instance', {}, ['kyodo-kb'], process.cwd())
  },
  pickFolder: async () => (results.pickFolder = await invoke('library.pickFolder')),
  exportPdf: async ({ caseId }) => {
    const deck = await invoke('decks.create', {
      title: '写真つき配布資料',
      items: [{ kind: 'case', caseId, sections: ['summary', 'photos'] }],
    })
    if (!deck.ok) return (results.exportPdf = deck)
    const exported = await invoke('decks.export', deck.value.id, 'pdf')
    results.exportPdf = exported.ok
      ? { ok: true, pdf: Buffer.from(exported.value.dataBase64, 'base64').toString('utf8') }
      : exported
  },
  saveThenQuit: async ({ caseId, title }) => {
    const doc = await invoke('cases.get', caseId)
    // The store owns these; cases.save takes the rest.
    const meta = { ...doc.value.meta }
    for (const owned of ['schema', 'id', 'createdAt', 'updatedAt', 'revision']) delete meta[owned]
    results.save = await invoke('cases.save', {
      id: caseId,
      meta: { ...meta, title },
      body: doc.value.body,
      baseRevision: doc.value.meta.revision,
    })
    app.quit()
  },
  serveApp: async ({ attachment }) => {
    results.appIndex = await serve('app', 'app://kb/index.html')
    results.appAttachment = await serve('app', `app://kb/attachments/${attachment}`)
  },
  devRequests: async ({ origin, attachment }) => {
    results.devAttachment = await serve('http', `${origin}/attachments/${attachment}`)
    results.devModule = await serve('http', `${origin}/src/main.tsx`)
    results.devHeaders = headersFor(`${origin}/`)
    results.otherHeaders = headersFor('app://kb/index.html')
  },
  quit: async () => app.quit(),
}

await import(pathToFileURL(join(PROJECT, 'out', 'main', 'index.js')).href)
record.calls.push('main.loaded')
app.becomeReady()
await settle()
for (const action of scenario.actions ?? []) {
  if (finished) break
  try {
    await ACTIONS[action.name](action)
  } catch (error) {
    results[`${action.name}Error`] = String(error instanceof Error ? error.stack : error)
  }
}
// Give a quit in progress (closing the session) the time it needs; then report.
const until = Date.now() + 5_000
while (!record.quit.completed && record.quit.requested > 0 && Date.now() < until) await delay(20)
finish()
