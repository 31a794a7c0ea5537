import { parseDocument } from 'yaml'

export type FrontMatter =
  { ok: true; data: Record<string, unknown>; body: string } | { ok: false; reason: string }

const OPENING = /^---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/

/**
 * Splits a Markdown file into its YAML front matter (the Obsidian/Jekyll `---` block at the very
 * top) and the body. A file without front matter has empty data. YAML 1.2 core schema: dates stay
 * strings ("2024-04" and "2024-04-01" alike), so nothing is silently turned into a time zone.
 * A block that is not closed, does not parse or is not a mapping is refused with the reason.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, '')
  if (!OPENING.test(source)) return { ok: true, data: {}, body: source }
  const lines = source.split(/\r?\n/)
  const end = lines.findIndex((line, i) => i > 0 && CLOSING.test(line))
  if (end < 0) {
    return {
      ok: false,
      reason: 'フロントマターが「---」で閉じられていません (front matter not closed by "---")',
    }
  }
  const yamlText = lines.slice(1, end).join('\n')
  const body = lines
    .slice(end + 1)
    .join('\n')
    .replace(/^\s*\n/, '')
  const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!.message.split('\n')[0]
    return {
      ok: false,
      reason: `フロントマターのYAMLが読めません: ${first} (front matter is not valid YAML: ${first})`,
    }
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 })
  if (data === null || data === undefined) return { ok: true, data: {}, body }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      reason: 'フロントマターが「キー: 値」の形ではありません (front matter is not a mapping)',
    }
  }
  return { ok: true, data: data as Record<string, unknown>, body }
}
