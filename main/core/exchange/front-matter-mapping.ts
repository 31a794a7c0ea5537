import { CASE_STATUSES, COLLABORATION_FORMS, type PartnerType } from '../../../common/model'
import { caseMetaInputSchema } from '../case-schema'
import { collaborationFromFrontMatter } from './collaboration-front-matter'

export interface MappedMeta {
  /** Format v1 fields that passed validation (title, status and partnerTypes always present). */
  meta: Record<string, unknown>
  /** Front matter keys v1 has no field for, or whose value did not fit; kept in case.json `extra`. */
  extra: Record<string, unknown>
  id?: string
  aliases: string[]
  createdAt?: string
  updatedAt?: string
  warnings: string[]
}

const fields = caseMetaInputSchema.shape
type Field = keyof typeof fields

/** Front matter key (lower-cased) → the v1 field it feeds. Many tools, many spellings. */
const ALIASES: Record<string, Field | 'id' | 'aliases' | 'created' | 'updated' | 'start' | 'end'> =
  {
    id: 'id',
    slug: 'id',
    title: 'title',
    タイトル: 'title',
    事例名: 'title',
    summary: 'summary',
    description: 'summary',
    excerpt: 'summary',
    概要: 'summary',
    tags: 'tags',
    tag: 'tags',
    keywords: 'tags',
    categories: 'tags',
    タグ: 'tags',
    aliases: 'aliases',
    alias: 'aliases',
    partnertypes: 'partnerTypes',
    partnertype: 'partnerTypes',
    partner_type: 'partnerTypes',
    partner_types: 'partnerTypes',
    type: 'partnerTypes',
    types: 'partnerTypes',
    協働相手: 'partnerTypes',
    partners: 'partners',
    forms: 'forms',
    form: 'forms',
    協働の形態: 'forms',
    形態: 'forms',
    initiatedby: 'initiatedBy',
    initiated_by: 'initiatedBy',
    department: 'department',
    dept: 'department',
    担当課: 'department',
    area: 'area',
    region: 'area',
    地域: 'area',
    status: 'status',
    状態: 'status',
    period: 'period',
    期間: 'period',
    start: 'start',
    start_date: 'start',
    startdate: 'start',
    開始: 'start',
    end: 'end',
    end_date: 'end',
    enddate: 'end',
    終了: 'end',
    fiscalyear: 'fiscalYear',
    fiscal_year: 'fiscalYear',
    年度: 'fiscalYear',
    outcomes: 'outcomes',
    evaluation: 'evaluation',
    collaboration: 'collaboration',
    協働の4要素: 'collaboration',
    contact: 'contact',
    sources: 'sources',
    related: 'related',
    lastverified: 'lastVerified',
    last_verified: 'lastVerified',
    date: 'created',
    created: 'created',
    created_at: 'created',
    createdat: 'created',
    作成日: 'created',
    updated: 'updated',
    updated_at: 'updated',
    updatedat: 'updated',
    modified: 'updated',
    lastmod: 'updated',
    更新日: 'updated',
  }

/** Words people write for partner types, mapped to the default keys. */
const PARTNER_WORDS: [RegExp, string][] = [
  [/自治会|町内会|町会|地域|community|neighbo/i, 'community'],
  [/npo|市民活動|ボランティア|市民団体/i, 'npo'],
  [/企業|民間|事業者|会社|company|business|private/i, 'private'],
  [/大学|学生|研究|universit|academ|college/i, 'academia'],
  [/庁内|他部局|他課|interdepartment|department/i, 'interdepartment'],
  [/社協|社会福祉協議会|学校|自治体|公的|public/i, 'public'],
]

const STATUS_WORDS: Record<string, string> = {
  公開: 'published',
  公開中: 'published',
  publish: 'published',
  下書き: 'draft',
  草稿: 'draft',
  アーカイブ: 'archived',
  終了: 'archived',
}
const INITIATOR_WORDS: Record<string, string> = {
  行政発: 'city',
  市: 'city',
  行政: 'city',
  団体発: 'partner',
  相手方: 'partner',
  共同: 'joint',
}

/**
 * Maps front matter (of any of the common shapes) onto format v1 metadata. Every field is checked
 * on its own against the v1 schema: what fits is used, what does not is kept under `extra` with a
 * warning, so nothing the author wrote is lost and one odd value never rejects the whole file.
 */
export function mapFrontMatter(
  data: Record<string, unknown>,
  context: { partnerTypes: PartnerType[]; fallbackTitle: string },
): MappedMeta {
  const out: MappedMeta = { meta: {}, extra: {}, aliases: [], warnings: [] }
  const raw: Partial<Record<string, unknown>> = {}
  for (const [key, value] of Object.entries(data)) {
    // Written by our own Markdown export: the store owns these, and `extra` is ours already.
    if (key === 'schema' || key === 'revision') continue
    if (key === 'extra' && value && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(out.extra, value)
      continue
    }
    const target = ALIASES[key.toLowerCase()] ?? ALIASES[key]
    if (!target || raw[target] !== undefined) out.extra[key] = value
    else raw[target] = value
  }
  // Jekyll's `published: false` means a draft.
  if (raw.status === undefined && data.published === false) raw.status = 'draft'

  const keep = (field: Field, value: unknown, original: unknown = value) => {
    if (value === undefined || value === null) return
    const parsed = fields[field].safeParse(value)
    if (parsed.success) out.meta[field] = parsed.data
    else {
      out.extra[field] = original
      out.warnings.push(
        `「${field}」の値を解釈できないため extra に残しました (kept "${field}" under extra)`,
      )
    }
  }

  if (typeof raw.id === 'string') out.id = raw.id.trim()
  const title = textOf(raw.title)?.trim()
  out.meta.title = (title || context.fallbackTitle).slice(0, 200)
  if (title && title.length > 200) out.extra.title = title

  const summary = textOf(raw.summary)
  if (summary !== undefined) {
    if (summary.length > 280) {
      out.meta.summary = `${summary.slice(0, 279)}…`
      out.extra.summary = summary
      out.warnings.push(
        '概要が280文字を超えるため短縮しました (summary shortened to 280 characters)',
      )
    } else out.meta.summary = summary
  }
  keep(
    'tags',
    listOf(raw.tags)
      ?.map((t) => t.replace(/^#/, '').trim())
      .filter(Boolean),
    raw.tags,
  )
  out.aliases = listOf(raw.aliases) ?? []
  if (raw.aliases !== undefined) out.extra.aliases = out.aliases

  mapPartnerTypes(raw.partnerTypes, context.partnerTypes, out)
  keep('partners', partnersOf(raw.partners, out.meta.partnerTypes as string[]), raw.partners)
  const forms = listOf(raw.forms)
  if (forms) {
    const known = forms.filter((f) => (COLLABORATION_FORMS as readonly string[]).includes(f))
    if (known.length > 0) out.meta.forms = known
    if (known.length < forms.length) out.extra.forms = forms
  }
  const initiator = textOf(raw.initiatedBy)
  keep(
    'initiatedBy',
    initiator && (INITIATOR_WORDS[initiator] ?? initiator.toLowerCase()),
    raw.initiatedBy,
  )
  keep('department', textOf(raw.department))
  keep('area', textOf(raw.area))
  const status = textOf(raw.status)?.trim()
  const statusKey = status && (STATUS_WORDS[status] ?? status.toLowerCase())
  if (statusKey && (CASE_STATUSES as readonly string[]).includes(statusKey))
    out.meta.status = statusKey
  else {
    // Imported cases start as drafts unless they say otherwise: someone should look them over.
    out.meta.status = 'draft'
    if (status) out.extra.status = raw.status
  }
  mapPeriod(raw, out)
  keep('fiscalYear', numberOf(raw.fiscalYear), raw.fiscalYear)
  keep('outcomes', raw.outcomes)
  keep('evaluation', raw.evaluation)
  keep('collaboration', collaborationFromFrontMatter(raw.collaboration), raw.collaboration)
  keep(
    'contact',
    typeof raw.contact === 'string' ? { name: raw.contact } : raw.contact,
    raw.contact,
  )
  keep('sources', raw.sources)
  keep('related', listOf(raw.related))
  keep('lastVerified', dateOf(raw.lastVerified), raw.lastVerified)
  out.createdAt = timestampOf(raw.created)
  out.updatedAt = timestampOf(raw.updated) ?? out.createdAt
  if (raw.created !== undefined && !out.createdAt) out.extra.date = raw.created
  return out
}

function mapPartnerTypes(value: unknown, types: PartnerType[], out: MappedMeta): void {
  const words = listOf(value) ?? []
  const keys = new Set<string>()
  const unknown: string[] = []
  for (const word of words) {
    const exact = types.find((t) =>
      [t.key, t.ja, t.en].some((l) => l.toLowerCase() === word.toLowerCase()),
    )
    const guessed = exact?.key ?? PARTNER_WORDS.find(([re]) => re.test(word))?.[1]
    if (guessed && types.some((t) => t.key === guessed)) keys.add(guessed)
    else unknown.push(word)
  }
  if (unknown.length > 0) {
    out.extra.partnerTypes = words
    out.warnings.push(
      `協働相手の種別を判別できません: ${unknown.join(', ')} (unknown partner type: ${unknown.join(', ')})`,
    )
  }
  if (keys.size === 0) {
    const first = types[0]?.key ?? 'community'
    keys.add(first)
    out.warnings.push(
      `協働相手の種別がないため「${first}」を仮に設定しました (no partner type; "${first}" set for now)`,
    )
  }
  out.meta.partnerTypes = [...keys]
}

function partnersOf(value: unknown, partnerTypes: string[]): unknown {
  if (!Array.isArray(value)) return value
  return value.map((p: unknown) =>
    typeof p === 'string' ? { name: p, type: partnerTypes[0], role: '' } : p,
  )
}

function mapPeriod(raw: Partial<Record<string, unknown>>, out: MappedMeta): void {
  let start: string | undefined
  let end: string | null | undefined
  const period = raw.period
  if (period && typeof period === 'object' && !Array.isArray(period)) {
    const p = period as Record<string, unknown>
    start = dateOf(p.start ?? p.from ?? p.開始)
    end = dateOf(p.end ?? p.to ?? p.終了)
  } else if (typeof period === 'string') {
    const [a, b] = period.split(/\s*(?:[~〜～–—]|\s-\s|から|to)\s*/)
    start = dateOf(a)
    end = dateOf(b)
  } else if (typeof period === 'number' && raw.fiscalYear === undefined) {
    raw.fiscalYear = period
  }
  start ??= dateOf(raw.start)
  end ??= dateOf(raw.end)
  if (!start) {
    if (period !== undefined && typeof period !== 'number') out.extra.period = period
    return
  }
  const candidate = end ? { start, end } : { start, end: null }
  const parsed = caseMetaInputSchema.shape.period.safeParse(candidate)
  if (parsed.success) out.meta.period = parsed.data
  else {
    out.extra.period = period ?? { start: raw.start, end: raw.end }
    out.warnings.push('期間を解釈できないため extra に残しました (kept "period" under extra)')
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d{4}/.test(value.trim()))
    return Number(value.trim().slice(0, 4))
  return undefined
}

/** A list from a YAML list, or from "a, b、c" / "#a #b" text. */
function listOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return value.map((v) => textOf(v)).filter((v): v is string => !!v)
  const text = textOf(value)
  if (text === undefined) return undefined
  return text
    .split(/[,、，]|\s+(?=#)/)
    .map((t) => t.trim())
    .filter(Boolean)
}

/** "2019/4", "2019-4-1", "2019年4月", "2019-04-01T10:00" → "2019-04" / "2019-04-01". */
export function dateOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim()
  if (!text) return undefined
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/.exec(text)
  if (!m) return undefined
  const month = m[2]!.padStart(2, '0')
  if (Number(month) < 1 || Number(month) > 12) return undefined
  if (!m[3]) return `${m[1]}-${month}`
  const day = m[3].padStart(2, '0')
  return Number(day) >= 1 && Number(day) <= 31 ? `${m[1]}-${month}-${day}` : `${m[1]}-${month}`
}

function timestampOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim()
  if (!text) return undefined
  const date = dateOf(text)
  // A bare date is taken as midnight in Japan, where these files are written.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00+09:00`)
    : Date.parse(text)
  if (!Number.isNaN(time)) return new Date(time).toISOString()
  if (date)
    return new Date(
      Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00+09:00`),
    ).toISOString()
  return undefined
}
