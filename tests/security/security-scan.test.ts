import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  allowlistEntryFor,
  allowlistProblems,
  parseFindings,
  type AllowlistEntry,
} from '../../scripts/security/electronegativity'
import { judgeAudit } from '../../scripts/security/npm-audit'

// The judging half of `npm run audit:security` (scripts/security/run.ts): how electronegativity's
// CSV is read, how HIGH findings are matched against the reviewed allowlist, and how npm audit's
// answer is classified. The scan itself runs in CI; these keep its verdicts honest.

const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/window.ts","68:17","const window = new BrowserWindow({","Review the use of the contextIsolation option",https://x/wiki',
  'LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits",https://x/wiki',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","index.html","5:0","default-src \'self\'; a ""quoted"", b","One or more CSP directives, detected",https://x/wiki',
].join('\n')

describe('electronegativity findings', () => {
  it('parses the CSV, quoted commas and doubled quotes included', () => {
    const findings = parseFindings(CSV, 'sources')
    expect(findings).toHaveLength(3)
    expect(findings[0]).toMatchObject({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      file: 'main/window.ts',
      location: '68:17',
      sample: 'const window = new BrowserWindow({',
      target: 'sources',
    })
    expect(findings[1]!.sample).toBe('')
    expect(findings[2]!.sample).toBe('default-src \'self\'; a "quoted", b')
    expect(findings[2]!.description).toBe('One or more CSP directives, detected')
  })

  it('an allowlist entry matches only its check, target, file and sample', () => {
    const [window, navigation] = parseFindings(CSV, 'sources')
    const entry: AllowlistEntry = {
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      target: 'sources',
      file: 'main/window.ts',
      sample: 'new BrowserWindow(',
      reason: 'x'.repeat(50),
    }
    expect(allowlistEntryFor(window!, [entry])).toBe(entry)
    expect(allowlistEntryFor(navigation!, [entry])).toBeUndefined()
    expect(allowlistEntryFor({ ...window!, target: 'out' }, [entry])).toBeUndefined()
    expect(allowlistEntryFor({ ...window!, file: 'main/other.ts' }, [entry])).toBeUndefined()
    expect(allowlistEntryFor({ ...window!, sample: 'new Other(' }, [entry])).toBeUndefined()
  })

  it('refuses allowlist entries without a written reason', () => {
    const base = { check: 'X', target: 'sources', file: 'a.ts' }
    expect(allowlistProblems([{ ...base, reason: 'x'.repeat(60) }])).toEqual([])
    expect(allowlistProblems([{ ...base, reason: 'false positive' }])).toHaveLength(1)
    expect(allowlistProblems([{ ...base, reason: '' }])).toHaveLength(1)
    expect(allowlistProblems([{ ...base, file: '', reason: 'x'.repeat(60) }])).toHaveLength(1)
  })

  it('the committed allowlist is well-formed: every entry has a reason that names its proof', async () => {
    const file = new URL('../../scripts/security/electronegativity-allowlist.json', import.meta.url)
    const { entries } = JSON.parse(await readFile(file, 'utf8')) as { entries: AllowlistEntry[] }
    expect(allowlistProblems(entries)).toEqual([])
    for (const entry of entries) expect(entry.reason).toMatch(/tests\//)
  })
})

describe('npm audit verdicts', () => {
  const report = (counts: Record<string, number>, vulnerabilities = {}) =>
    JSON.stringify({ metadata: { vulnerabilities: counts }, vulnerabilities })

  it('clean when there is no high or critical advisory', () => {
    expect(judgeAudit(report({ low: 2, moderate: 1, high: 0, critical: 0 }), '', 0)).toEqual({
      kind: 'clean',
      counts: { low: 2, moderate: 1, high: 0, critical: 0 },
    })
  })

  it('vulnerable on a high or critical advisory, naming the package', () => {
    const verdict = judgeAudit(
      report({ high: 1, critical: 0 }, { marked: { severity: 'high', via: [], range: '<4' } }),
      '',
      1,
    )
    expect(verdict).toMatchObject({ kind: 'vulnerable', advisories: ['marked (high, <4)'] })
  })

  it('unreachable (not a failure) when the audit endpoint cannot be reached', () => {
    const stderr =
      'npm warn audit 405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error'
    expect(judgeAudit('', stderr, 1).kind).toBe('unreachable')
    expect(judgeAudit('', 'npm error code ENOTFOUND\ngetaddrinfo ENOTFOUND registry', 1).kind).toBe(
      'unreachable',
    )
  })

  it('throws on a failure that is not about the network, so the scan cannot pass silently', () => {
    expect(() => judgeAudit('', 'npm error code ELOCKVERIFY\nlockfile is broken', 1)).toThrow()
  })
})
