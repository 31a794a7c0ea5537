/**
 * Runs @doyensec/electronegativity over one folder and judges its findings against the reviewed
 * allowlist (scripts/security/electronegativity-allowlist.json). Pure parsing and matching are
 * exported for tests/security/security-scan.test.ts.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface Finding {
  check: string
  severity: string
  confidence: string
  file: string
  location: string
  sample: string
  description: string
  /** Which scan found it: `sources` (main, preload, renderer, common) or `out` (built output). */
  target: string
}

export interface AllowlistEntry {
  check: string
  target: string
  file: string
  /** A substring of the flagged code, to pin the entry to one construct in the file. */
  sample?: string
  reason: string
}

/** Shortest reason accepted: a real sentence, not "ok" or "false positive". */
export const MIN_REASON_LENGTH = 40

/** Parses electronegativity's CSV (RFC 4180 quoting; "N/A" for empty fields) into findings. */
export function parseFindings(csv: string, target: string): Finding[] {
  const rows = parseCsv(csv).filter((row) => row.length >= 7)
  return rows
    .filter((row) => row[0] !== 'issue')
    .map(([check, severity, confidence, file, location, sample, description]) => ({
      check: check!,
      severity: severity!,
      confidence: confidence!,
      file: file!,
      location: location!,
      sample: sample === 'N/A' ? '' : sample!,
      description: description!,
      target,
    }))
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field.trim())
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field.trim())
      if (row.some((f) => f !== '')) rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  row.push(field.trim())
  if (row.some((f) => f !== '')) rows.push(row)
  return rows
}

/** Checks the allowlist's own shape: every entry names a check, target and file, with a reason. */
export function allowlistProblems(entries: AllowlistEntry[]): string[] {
  return entries.flatMap((entry, i) => {
    const problems: string[] = []
    for (const key of ['check', 'target', 'file'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') problems.push(`entry ${i}: ${key}`)
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON_LENGTH) {
      problems.push(`entry ${i} (${entry.check}): a written reason of ${MIN_REASON_LENGTH}+ chars`)
    }
    return problems
  })
}

export function allowlistEntryFor(
  finding: Finding,
  entries: AllowlistEntry[],
): AllowlistEntry | undefined {
  return entries.find(
    (entry) =>
      entry.check === finding.check &&
      entry.target === finding.target &&
      entry.file === finding.file.split('\\').join('/') &&
      (entry.sample === undefined || finding.sample.includes(entry.sample)),
  )
}

export interface ScanOutcome {
  findings: Finding[]
  /** Lines electronegativity printed about files it could not parse, and similar trouble. */
  errors: string[]
}

/** Runs electronegativity over `input` and returns every finding (all severities). */
export async function runElectronegativity(
  input: string,
  target: string,
  electronVersion: string,
): Promise<ScanOutcome> {
  const require = createRequire(import.meta.url)
  const cli = join(
    dirname(require.resolve('@doyensec/electronegativity/package.json')),
    'dist',
    'index.js',
  )
  const work = await mkdtemp(join(tmpdir(), 'kb-electronegativity-'))
  const csvPath = join(work, 'findings.csv')
  try {
    const output = await new Promise<string>((resolveRun, reject) => {
      const child = spawn(
        process.execPath,
        [cli, '-i', input, '-o', csvPath, '-r', '-v', 'false', '-e', electronVersion],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) =>
        code === 0
          ? resolveRun(text)
          : reject(new Error(`electronegativity exited with ${code}:\n${text}`)),
      )
    })
    const csv = await readFile(csvPath, 'utf8').catch(() => '')
    if (!csv) throw new Error(`electronegativity wrote no findings file for ${input}:\n${output}`)
    const errors = output
      .split('\n')
      .filter((line) => /error|unable to parse|failed to parse/i.test(line))
      .map((line) => line.trim())
    return { findings: parseFindings(csv, target), errors }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
