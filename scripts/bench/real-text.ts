/**
 * Real Japanese prose for the benchmark: the Japanese manual pages of Debian (`manpages-ja`,
 * installed with apt-get when missing), stripped of their roff markup. Synthetic text from a
 * small vocabulary flatters an n-gram index (few distinct bigrams, every list dense); manual pages
 * have the spread of real documentation: kanji compounds, katakana loanwords, ASCII commands and
 * options, full-width and half-width forms.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

const MAN_DIR = '/usr/share/man/ja'
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/g

/** Installs manpages-ja when its pages are missing (the bench runs as root on CI machines). */
export function ensureManpagesJa(): void {
  if (existsSync(join(MAN_DIR, 'man1'))) return
  process.stderr.write('manpages-ja is missing: apt-get install -y manpages-ja\n')
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'manpages-ja'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  } catch {
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] })
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'manpages-ja'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
}

export interface ManPage {
  name: string
  paragraphs: string[]
}

/** Every Japanese manual page as plain paragraphs, in a stable (sorted) order. */
export async function readManPages(): Promise<ManPage[]> {
  ensureManpagesJa()
  const files: string[] = []
  for (const section of (await readdir(MAN_DIR)).sort()) {
    const dir = join(MAN_DIR, section)
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      if (name.endsWith('.gz')) files.push(join(dir, name))
    }
  }
  const pages: ManPage[] = []
  for (const file of files) {
    const roff = gunzipSync(await readFile(file)).toString('utf8')
    if (roff.startsWith('.so ')) continue // a link to another page
    const paragraphs = plainParagraphs(roff).filter(
      (p) => p.length >= 20 && (p.match(JAPANESE)?.length ?? 0) >= p.length / 4,
    )
    if (paragraphs.length > 0) {
      pages.push({ name: file.split('/').pop()!.replace(/\.gz$/, ''), paragraphs })
    }
  }
  return pages
}

/** roff → paragraphs: macros dropped (their text arguments kept), escapes resolved or removed. */
export function plainParagraphs(roff: string): string[] {
  const paragraphs: string[] = []
  let current: string[] = []
  const end = () => {
    if (current.length > 0) paragraphs.push(current.join(''))
    current = []
  }
  for (const raw of roff.split('\n')) {
    if (raw.startsWith('.\\"') || raw.startsWith('\'\\"') || raw.startsWith('\\"')) continue
    let line = raw
    if (line.startsWith('.') || line.startsWith("'")) {
      const macro = /^[.'](\S*)\s*(.*)$/.exec(line)
      const name = macro?.[1] ?? ''
      if (['PP', 'P', 'LP', 'SH', 'SS', 'TP', 'IP', 'HP', 'sp', 'br', 'RS', 'RE'].includes(name))
        end()
      if (!['SH', 'SS', 'B', 'I', 'BR', 'BI', 'IB', 'IR', 'RI', 'RB', 'IP', 'SM'].includes(name))
        continue
      line = (macro?.[2] ?? '').replace(/"/g, ' ')
      if (name === 'SH' || name === 'SS') {
        paragraphs.push(unescape(line).trim())
        continue
      }
    }
    const text = unescape(line).trim()
    if (text === '') end()
    else current.push(/[\u3000-\u9fff]$/.test(current.at(-1) ?? '') ? text : ` ${text}`)
  }
  end()
  return paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

function unescape(text: string): string {
  return text
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\*(\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\((em|en)/g, '—')
    .replace(/\\\(..|\\\[[^\]]*\]/g, '')
    .replace(/\\[-e]/g, (m) => (m === '\\-' ? '-' : '\\'))
    .replace(/\\[&|^,/0 ]/g, '')
    .replace(/\\s[-+]?\d/g, '')
    .replace(/\\(.)/g, '$1')
}
