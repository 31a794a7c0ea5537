import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path'
import type { PartnerType } from '../../../common/model'
import { MAX_ATTACHMENT_BYTES } from '../../../common/attachment-limits'
import { mapFrontMatter } from './front-matter-mapping'
import { splitFrontMatter } from './front-matter'
import { MARKDOWN_LINK, WIKILINK, firstHeading, localTarget, mapOutsideCode } from './markdown-body'
import { toSafeFileName, uniqueName } from './safe-names'
import type { PlannedAttachment } from './types'

/** A folder of notes being imported: files are only ever taken from inside it. */
export interface Vault {
  root: string
  /** Every non-Markdown file in the vault by lower-cased name, for Obsidian's `![[name.png]]`. */
  filesByName: Map<string, string[]>
}

export interface ParsedNote {
  title: string
  idHint?: string
  linkNames: string[]
  meta: Record<string, unknown>
  body: string
  attachments: PlannedAttachment[]
  warnings: string[]
}

export const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown'])

/**
 * Reads one Markdown note: its front matter mapped to format v1 (the rest kept as `extra`), the
 * files its images and links point at planned as attachments (only files inside the vault, so a
 * note cannot pull in `../../secret`), and links to other notes turned into `[[…]]` to be
 * resolved when the import runs. Throws with a reason when the file cannot be used at all.
 */
export async function parseNote(
  file: string,
  vault: Vault,
  partnerTypes: PartnerType[],
): Promise<ParsedNote> {
  const text = decodeText(await readFile(file))
  const split = splitFrontMatter(text.text)
  if (!split.ok) throw new Error(split.reason)
  const stem = basename(file, extname(file)).normalize('NFC')
  let body = split.body
  const heading = firstHeading(body)
  const mapped = mapFrontMatter(split.data, { partnerTypes, fallbackTitle: heading ?? stem })
  const title = mapped.meta.title as string
  // The title is shown above the body; a leading `# Title` would show it twice.
  if (heading && heading.trim() === title)
    body = body.replace(/^#\s+.+\n?/m, '').replace(/^\s*\n/, '')
  const warnings = [...mapped.warnings]
  if (text.note) warnings.push(text.note)
  const attachments = await planAttachments(file, body, vault, warnings)
  body = rewriteLocalLinks(body, attachments.byTarget)
  const meta: Record<string, unknown> = { ...mapped.meta }
  if (Object.keys(mapped.extra).length > 0) meta.extra = mapped.extra
  if (mapped.createdAt) meta.createdAt = mapped.createdAt
  if (mapped.updatedAt) meta.updatedAt = mapped.updatedAt
  return {
    title,
    idHint: mapped.id,
    linkNames: [...new Set([title, stem, ...mapped.aliases])],
    meta,
    body,
    attachments: attachments.list,
    warnings,
  }
}

/** UTF-8, or Shift_JIS (still common in city halls) when the bytes are not valid UTF-8. */
function decodeText(bytes: Uint8Array): { text: string; note?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return {
      text: new TextDecoder('shift_jis').decode(bytes),
      note: 'UTF-8 ではないため Shift_JIS として読みました (read as Shift_JIS, not UTF-8)',
    }
  }
}

interface AttachmentPlan {
  list: PlannedAttachment[]
  /** Link target as written → the attachment name it now points at. */
  byTarget: Map<string, string>
}

async function planAttachments(
  file: string,
  body: string,
  vault: Vault,
  warnings: string[],
): Promise<AttachmentPlan> {
  const plan: AttachmentPlan = { list: [], byTarget: new Map() }
  const taken = new Set<string>()
  const byRealPath = new Map<string, string>()
  const vaultReal = await realpath(vault.root)
  const targets: { written: string; candidates: string[] }[] = []
  mapOutsideCode(body, (text) => {
    for (const m of text.matchAll(MARKDOWN_LINK)) {
      const local = localTarget(m[3]!)
      if (local && !MARKDOWN_EXTENSIONS.has(extname(local).toLowerCase())) {
        targets.push({ written: m[3]!, candidates: [resolve(dirname(file), local)] })
      }
    }
    for (const m of text.matchAll(WIKILINK)) {
      const name = m[2]!.trim()
      if (m[1] !== '!' && !extname(name)) continue
      if (MARKDOWN_EXTENSIONS.has(extname(name).toLowerCase()) || !extname(name)) continue
      const candidates = [resolve(dirname(file), name), resolve(vault.root, name)]
      candidates.push(
        ...(vault.filesByName.get(basename(name).normalize('NFC').toLowerCase()) ?? []),
      )
      targets.push({ written: `[[${name}]]`, candidates })
    }
    return text
  })
  for (const target of targets) {
    if (plan.byTarget.has(target.written)) continue
    const found = await firstInsideVault(target.candidates, vaultReal)
    if (!found) {
      warnings.push(
        `リンク先のファイルが見つからないか、取り込むフォルダの外です: ${target.written} (linked file not found or outside the imported folder)`,
      )
      continue
    }
    if (found.size > MAX_ATTACHMENT_BYTES) {
      warnings.push(`添付ファイルが大きすぎます: ${target.written} (attachment too large)`)
      continue
    }
    let name = byRealPath.get(found.real)
    if (!name) {
      name = uniqueName(toSafeFileName(basename(found.real)), taken)
      byRealPath.set(found.real, name)
      plan.list.push({ name, from: { kind: 'file', path: found.real }, size: found.size })
    }
    plan.byTarget.set(target.written, name)
  }
  return plan
}

async function firstInsideVault(
  candidates: string[],
  vaultReal: string,
): Promise<{ real: string; size: number } | null> {
  for (const candidate of candidates) {
    const real = await realpath(candidate).catch(() => null)
    if (!real) continue
    const rel = relative(vaultReal, real)
    if (rel.startsWith('..') || isAbsolute(rel)) continue
    const info = await stat(real).catch(() => null)
    if (info?.isFile()) return { real, size: info.size }
  }
  return null
}

/**
 * Points images and file links at the case's attachments, turns `![[image.png]]` into a Markdown
 * image, and turns links to other notes (`[text](Other.md)`) into `[[Other|text]]` so that they
 * resolve like wikilinks.
 */
function rewriteLocalLinks(body: string, byTarget: Map<string, string>): string {
  const href = (name: string) => `attachments/${name}`
  return mapOutsideCode(body, (text) =>
    text
      .replace(MARKDOWN_LINK, (all, bang: string, label: string, target: string, title = '') => {
        const attachment = byTarget.get(target)
        if (attachment) return `${bang}[${label}](${href(attachment)}${title})`
        const local = localTarget(target)
        if (!bang && local && MARKDOWN_EXTENSIONS.has(extname(local).toLowerCase())) {
          const stem = basename(local, extname(local))
          return `[[${stem}${label && label !== stem ? `|${label}` : ''}]]`
        }
        return all
      })
      .replace(WIKILINK, (all, bang: string, name: string, _heading?: string, label?: string) => {
        const attachment = byTarget.get(`[[${name.trim()}]]`)
        if (!attachment) return all
        // `|300` in an embed is a display width, not a caption.
        const caption = label && !/^\d+(x\d+)?$/.test(label.trim()) ? label.trim() : basename(name)
        return bang ? `![${caption}](${href(attachment)})` : `[${caption}](${href(attachment)})`
      }),
  )
}

/** Files of a vault folder: notes, packages and (by name) everything else, skipping hidden folders. */
export async function scanVault(
  root: string,
): Promise<{ notes: string[]; packages: string[]; vault: Vault }> {
  const notes: string[] = []
  const packages: string[] = []
  const filesByName = new Map<string, string[]>()
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name, 'ja'))
    for (const entry of entries) {
      // .obsidian, .git, .trash: tool folders, not notes.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (depth < 32) await walk(path, depth + 1)
        continue
      }
      if (!entry.isFile()) continue
      const ext = extname(entry.name).toLowerCase()
      if (MARKDOWN_EXTENSIONS.has(ext)) notes.push(path)
      else if (ext === '.zip') packages.push(path)
      else {
        const key = entry.name.normalize('NFC').toLowerCase()
        filesByName.set(key, [...(filesByName.get(key) ?? []), path])
      }
    }
  }
  await walk(root, 0)
  return { notes, packages, vault: { root, filesByName } }
}
