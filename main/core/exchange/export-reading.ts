import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { Marked, type Tokens } from 'marked'
import { stringify } from 'yaml'
import type { CaseDoc, PartnerType } from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { collaborationLinesJa } from '../../../common/learn/collaboration'
import type { Library } from '../library'

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Links a reader may follow from a handout: the web and mail. Nothing else becomes a link. */
const SAFE_LINK = /^(https?:|mailto:)/i

const STYLE = `
body{font-family:"Hiragino Kaku Gothic ProN","Yu Gothic","Meiryo",sans-serif;line-height:1.8;
max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;border-bottom:3px solid #2f7d4f;padding-bottom:.2em}
h2{font-size:1.25em;border-left:6px solid #2f7d4f;padding-left:.5em;margin-top:1.8em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f5f3;white-space:nowrap}img{max-width:100%}
.summary{background:#f7f7f2;padding:.8em 1em;border-radius:4px}
article{page-break-after:always}nav li{margin:.2em 0}
@page{size:A4;margin:16mm 15mm}
@media print{body{margin:0;max-width:none}a{color:inherit}h2{break-after:avoid}img,table,tr{break-inside:avoid}
article:last-child{page-break-after:auto}}`

/**
 * Cases as one standalone HTML file for reading and printing: inline CSS, images embedded as
 * data: URLs, nothing loaded from anywhere (a CSP meta tag forbids it as well). Bodies are
 * rendered with marked and raw HTML in them is shown as text, never interpreted, so nothing in a
 * case can run script. Links between the exported cases become in-page anchors; links to other
 * cases become plain text; only http(s) and mailto links stay links.
 */
export async function exportCaseHtml(library: Library, ids: string[]): Promise<string> {
  const docs = await Promise.all(ids.map((id) => library.cases.get(id)))
  const included = new Set(ids)
  const articles: string[] = []
  for (const doc of docs) {
    const images = await imagesOf(library, doc.meta.id)
    articles.push(renderArticle(doc, library.config.partnerTypes, images, included))
  }
  const title =
    docs.length === 1 ? docs[0]!.meta.title : `${library.config.name}（${docs.length}件）`
  const toc =
    docs.length > 1
      ? `<nav><h2>目次</h2><ol>${docs.map((d) => `<li><a href="#case-${d.meta.id}">${escapeHtml(d.meta.title)}</a></li>`).join('')}</ol></nav>`
      : ''
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${toc}
${articles.join('\n')}
</body>
</html>
`
}

async function imagesOf(library: Library, id: string): Promise<Map<string, string>> {
  const images = new Map<string, string>()
  for (const attachment of await library.attachments.list(id)) {
    const type = IMAGE_TYPES[extname(attachment.name).toLowerCase()]
    if (!type) continue
    const data = await readFile(await library.attachments.pathOf(id, attachment.name))
    images.set(attachment.name, `data:${type};base64,${data.toString('base64')}`)
  }
  return images
}

function attachmentName(href: string): string | undefined {
  const m = /^attachments\/(.+)$/.exec(href.trim())
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1]!)
  } catch {
    return m[1]
  }
}

function renderArticle(
  doc: CaseDoc,
  types: PartnerType[],
  images: Map<string, string>,
  included: Set<string>,
): string {
  const marked = new Marked({ gfm: true, async: false })
  marked.use({
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      image: ({ href, text }: Tokens.Image) => {
        const name = attachmentName(href)
        const src = name ? images.get(name) : undefined
        return src ? `<img src="${src}" alt="${escapeHtml(text)}">` : escapeHtml(text)
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens)
        const caseLink = /^#\/case\/([a-z0-9-]+)$/.exec(token.href)
        if (caseLink)
          return included.has(caseLink[1]!) ? `<a href="#case-${caseLink[1]}">${inner}</a>` : inner
        if (SAFE_LINK.test(token.href))
          return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${inner}</a>`
        return inner
      },
    },
  })
  const body = marked.parse(doc.body) as string
  const m = doc.meta
  const label = (key: string) => types.find((t) => t.key === key)?.ja ?? key
  const rows: [string, string | undefined][] = [
    ['協働相手の種別', m.partnerTypes.map(label).join('、')],
    ['担当課', m.department],
    ['地域', m.area],
    ['期間', m.period ? `${m.period.start} 〜 ${m.period.end ?? '継続中'}` : undefined],
    [
      '年度',
      m.fiscalYear ? `${warekiOfFiscalYear(m.fiscalYear)}（${m.fiscalYear}年度）` : undefined,
    ],
    ['協働の形態', m.forms?.join('、')],
    ['タグ', m.tags?.join('、')],
    ['協働相手', m.partners?.map((p) => `${p.name}（${label(p.type)}）: ${p.role}`).join('\n')],
    [
      '成果',
      m.outcomes?.map((o) => `${o.label}: ${o.value.toLocaleString('ja-JP')} ${o.unit}`).join('\n'),
    ],
    ['協働の4要素', collaborationLinesJa(m.collaboration).join('\n') || undefined],
    ['問い合わせ', [m.contact?.section, m.contact?.name].filter(Boolean).join(' ') || undefined],
    ['出典', m.sources?.map((s) => `${s.title} ${s.url}`).join('\n')],
  ]
  const table = rows
    .filter((r): r is [string, string] => !!r[1])
    .map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`)
    .join('')
  return `<article id="case-${m.id}">
<h1>${escapeHtml(m.title)}</h1>
${m.summary ? `<p class="summary">${escapeHtml(m.summary)}</p>` : ''}
<table>${table}</table>
${body}
</article>`
}

/** Keys in the order docs/format.md lists them; anything else (e.g. an import's `extra`) follows. */
const ORDER = [
  'id',
  'title',
  'summary',
  'partnerTypes',
  'partners',
  'forms',
  'initiatedBy',
  'department',
  'area',
  'period',
  'fiscalYear',
  'status',
  'tags',
  'outcomes',
  'evaluation',
  'collaboration',
  'contact',
  'sources',
  'related',
  'lastVerified',
  'createdAt',
  'updatedAt',
  'revision',
]

/**
 * One case as Markdown with YAML front matter (the Obsidian/Jekyll convention): every metadata
 * field of case.json, then the body. Importing the file again gives back the same metadata.
 */
export async function exportCaseMarkdown(library: Library, id: string): Promise<string> {
  const doc = await library.cases.get(id)
  const meta = doc.meta as unknown as Record<string, unknown>
  const ordered: Record<string, unknown> = {}
  for (const key of ORDER) if (meta[key] !== undefined) ordered[key] = meta[key]
  for (const [key, value] of Object.entries(meta)) {
    if (!(key in ordered) && key !== 'schema' && value !== undefined) ordered[key] = value
  }
  const yaml = stringify(ordered, { lineWidth: 0 })
  return `---\n${yaml}---\n\n${doc.body}`
}
