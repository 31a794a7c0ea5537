import { CASE_STATUSES, COLLABORATION_FORMS, type PartnerType } from '../../../common/model'
import { caseMetaInputSchema } from '../case-schema'
import { collaborationFromFrontMatter } from './collaboration-front-matter'
import { textOf, numberOf, listOf, dateOf, timestampOf } from './front-matter-values'
import {
  ALIASES,
  PARTNER_WORDS,
  STATUS_WORDS,
  INITIATOR_WORDS,
  type Field,
} from './front-matter-words'

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
