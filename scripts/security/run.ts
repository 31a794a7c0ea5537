/**
 * `npm run audit:security`: the static security scan of issue 8.
 *
 * 1. @doyensec/electronegativity over the sources (main/, preload/, renderer/, common/, scanned
 *    together so that its whole-app checks see the navigation limits and CSP where they live)
 *    and over the built output (out/, built first when missing). Any HIGH finding that is not in
 *    scripts/security/electronegativity-allowlist.json with a written reason fails the scan.
 * 2. `npm audit --omit=dev --audit-level=high`: a high or critical advisory in a production
 *    dependency fails the scan; an unreachable audit endpoint is reported, not failed.
 *
 * Exit code 0 when clean, 1 on a finding, 2 when the scan itself could not run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  allowlistEntryFor,
  allowlistProblems,
  runElectronegativity,
  type AllowlistEntry,
  type Finding,
} from './electronegativity'
import { runNpmAudit } from './npm-audit'
import { errorMessage } from '../../common/error-message'

const PROJECT = fileURLToPath(new URL('../..', import.meta.url))
const ALLOWLIST = join(PROJECT, 'scripts', 'security', 'electronegativity-allowlist.json')
const SOURCE_FOLDERS = ['main', 'preload', 'renderer', 'common']

const log = (line = '') => process.stdout.write(`${line}\n`)

async function main(): Promise<number> {
  const require = createRequire(import.meta.url)
  const electronVersion = (
    JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const entries = (JSON.parse(await readFile(ALLOWLIST, 'utf8')) as { entries: AllowlistEntry[] })
    .entries
  const problems = allowlistProblems(entries)
  if (problems.length > 0) {
    log('✗ electronegativity-allowlist.json: entries without what they need:')
    for (const problem of problems) log(`  - ${problem}`)
    return 1
  }

  ensureBuilt()
  const sources = await mkdtemp(join(tmpdir(), 'kb-scan-sources-'))
  let findings: Finding[]
  let parseErrors: string[]
  try {
    for (const folder of SOURCE_FOLDERS) {
      if (existsSync(join(PROJECT, folder))) {
        await cp(join(PROJECT, folder), join(sources, folder), { recursive: true })
      }
    }
    log(`== electronegativity (Electron ${electronVersion})`)
    const outcomes = await Promise.all([
      runElectronegativity(sources, 'sources', electronVersion),
      runElectronegativity(join(PROJECT, 'out'), 'out', electronVersion),
    ])
    findings = outcomes.flatMap((o) => o.findings)
    parseErrors = outcomes.flatMap((o) => o.errors)
  } finally {
    await rm(sources, { recursive: true, force: true })
  }

  for (const error of parseErrors) log(`  ! ${error}`)
  const bySeverity = new Map<string, number>()
  for (const f of findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1)
  log(`  findings: ${[...bySeverity].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`)

  const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')
  const unexplained: Finding[] = []
  const used = new Set<AllowlistEntry>()
  for (const finding of high) {
    const entry = allowlistEntryFor(finding, entries)
    const where = `${finding.target}/${finding.file}:${finding.location}`
    if (entry) {
      used.add(entry)
      log(`  ✓ HIGH ${finding.check} at ${where} — allowlisted: ${entry.reason}`)
    } else {
      unexplained.push(finding)
      log(`  ✗ HIGH ${finding.check} at ${where} — ${finding.description}`)
      if (finding.sample) log(`      ${finding.sample.slice(0, 160)}`)
    }
  }
  for (const f of findings.filter((f) => !high.includes(f))) {
    log(`  · ${f.severity} ${f.check} at ${f.target}/${f.file}:${f.location} — ${f.description}`)
  }
  for (const entry of entries.filter((e) => !used.has(e))) {
    log(`  (stale allowlist entry, no longer found: ${entry.check} ${entry.target}/${entry.file})`)
  }

  log()
  log('== npm audit --omit=dev --audit-level=high')
  const audit = await runNpmAudit(PROJECT)
  let auditFailed = false
  if (audit.kind === 'unreachable') {
    log('  ! THE AUDIT ENDPOINT IS UNREACHABLE: production dependencies were NOT audited.')
    log(`    ${audit.reason.split('\n').join('\n    ')}`)
  } else {
    const counts = Object.entries(audit.counts)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')
    log(`  advisories in production dependencies: ${counts}`)
    if (audit.kind === 'vulnerable') {
      auditFailed = true
      for (const advisory of audit.advisories) log(`  ✗ ${advisory}`)
    }
  }

  log()
  if (unexplained.length > 0 || auditFailed) {
    log(
      `✗ security scan failed: ${unexplained.length} unexplained HIGH electronegativity finding(s)` +
        `${auditFailed ? ', high/critical advisories in production dependencies' : ''}.`,
    )
    log('  Fix them, or add a reviewed entry with a written reason to')
    log('  scripts/security/electronegativity-allowlist.json.')
    return 1
  }
  log('✓ security scan passed')
  return 0
}

/** The scan reads out/: build it when it is missing. */
function ensureBuilt(): void {
  if (existsSync(join(PROJECT, 'out', 'main')) && existsSync(join(PROJECT, 'out', 'renderer'))) {
    return
  }
  log('out/ is missing: building (electron-vite build)…')
  const require = createRequire(import.meta.url)
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: PROJECT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('electron-vite build failed')
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`security scan could not run: ${errorMessage(error)}\n`)
    process.exit(2)
  },
)
