/**
 * `npm audit --omit=dev --audit-level=high` for the production dependencies. npm on these
 * machines may have audit switched off in ~/.npmrc, hence `--audit=true`; and the registry's
 * audit endpoint may be unreachable, which is reported loudly but is not a finding.
 */
import { spawn } from 'node:child_process'

export type AuditVerdict =
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'vulnerable'; counts: Record<string, number>; advisories: string[] }
  | { kind: 'unreachable'; reason: string }

const NETWORK_ERROR =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network|audit endpoint|getaddrinfo|request to .* failed|fetch failed|503|502|504/i

interface AuditJson {
  error?: { code?: string; summary?: string; detail?: string }
  metadata?: { vulnerabilities?: Record<string, number> }
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; range?: string }>
}

/** Judges npm audit's JSON (or its absence) and exit code. */
export function judgeAudit(stdout: string, stderr: string, exitCode: number): AuditVerdict {
  let report: AuditJson | undefined
  try {
    report = JSON.parse(stdout) as AuditJson
  } catch {
    report = undefined
  }
  const counts = report?.metadata?.vulnerabilities
  if (report && counts && !report.error) {
    const advisories = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity}${v.range ? `, ${v.range}` : ''})`)
    const serious = (counts.high ?? 0) + (counts.critical ?? 0)
    return serious > 0 || advisories.length > 0
      ? { kind: 'vulnerable', counts, advisories }
      : { kind: 'clean', counts }
  }
  const message = [report?.error?.summary, report?.error?.detail, stderr, stdout]
    .filter(Boolean)
    .join('\n')
  if (NETWORK_ERROR.test(message)) {
    return { kind: 'unreachable', reason: message.trim().split('\n').slice(0, 6).join('\n') }
  }
  throw new Error(
    `npm audit failed (exit ${exitCode}) for a reason other than the network:\n${message}`,
  )
}

export async function runNpmAudit(cwd: string): Promise<AuditVerdict> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const args = ['audit', '--audit=true', '--omit=dev', '--audit-level=high', '--json']
  const { stdout, stderr, code } = await new Promise<{
    stdout: string
    stderr: string
    code: number
  }>((resolveRun, reject) => {
    const child = spawn(npm, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (exit) => resolveRun({ stdout: out, stderr: err, code: exit ?? 1 }))
  })
  return judgeAudit(stdout, stderr, code)
}
