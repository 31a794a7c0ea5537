import {
  COLLABORATION_ELEMENTS,
  COLLABORATION_ELEMENT_JA,
  type CaseMeta,
  type PartnerType,
} from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'

/**
 * The columns of the 事例一覧 spreadsheet, shared by the .xlsx export and import so that an
 * exported sheet imports again unchanged. City halls exchange these lists with each other, so
 * headers and values are the Japanese words staff use (行政発, 公開, 地域・自治会), and lists
 * hold one item per line inside a cell, which Excel shows and edits naturally. The import also
 * accepts keys (`community`, `published`) where a person or another program wrote those.
 */

export type CellValue = string | number | undefined

export interface ColumnContext {
  partnerTypes: PartnerType[]
}

export interface Column {
  header: string
  /** Other headers that mean the same column (English, shorter forms). */
  aliases?: string[]
  width: number
  write: (meta: CaseMeta, ctx: ColumnContext) => CellValue
  /** Sets the field on the draft from the cell's text; throws an Error with a message when wrong. */
  read?: (text: string, draft: Record<string, unknown>, ctx: ColumnContext) => void
}

export const STATUS_JA = { draft: '下書き', published: '公開', archived: 'アーカイブ' } as const
export const INITIATOR_JA = { city: '行政発', partner: '団体発', joint: '共同' } as const

/** Separator between the parts of one list item (協働相手, 出典): 名称 | 種別 | 役割. */
const PART = ' | '

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
const parts = (line: string) => line.split(/\s*[|｜]\s*/)

function keyFromWord<K extends string>(words: Record<K, string>, text: string, what: string): K {
  const word = text.trim()
  const found = (Object.keys(words) as K[]).find((k) => k === word || words[k] === word)
  if (!found)
    throw new Error(`${what}「${word}」は ${Object.values(words).join('・')} のどれかです`)
  return found
}

export function partnerTypeKey(text: string, ctx: ColumnContext): string {
  const word = text.trim()
  const found = ctx.partnerTypes.find(
    (t) => t.key === word || t.ja === word || t.en.toLowerCase() === word.toLowerCase(),
  )
  if (!found) throw new Error(`協働相手の種別「${word}」はこのライブラリにありません`)
  return found.key
}

const typeLabel = (key: string, ctx: ColumnContext) =>
  ctx.partnerTypes.find((t) => t.key === key)?.ja ?? key

const joined = (items: string[] | undefined) => (items?.length ? items.join('\n') : undefined)

function numberOf(text: string, what: string): number {
  const value = Number(
    text
      .normalize('NFKC')
      .replace(/,/g, '')
      .replace(/^[−－]/, '-'),
  )
  if (!Number.isFinite(value)) throw new Error(`${what}「${text}」は数値ではありません`)
  return value
}

function rating(text: string, what: string): number {
  const value = numberOf(text, what)
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new Error(`${what}は 1〜5 の整数です（${text}）`)
  return value
}

function nested(draft: Record<string, unknown>, key: string): Record<string, unknown> {
  const current = draft[key]
  if (current && typeof current === 'object') return current as Record<string, unknown>
  const created: Record<string, unknown> = {}
  draft[key] = created
  return created
}

const ERA_START: Record<string, number> = { 令和: 2019, R: 2019, 平成: 1989, H: 1989 }

/** 2023, 令和5, R5, 令和5年度, 平成30 → the Western fiscal year. */
export function fiscalYearText(text: string): number {
  const word = text
    .normalize('NFKC')
    .trim()
    .replace(/年度?$/, '')
  const era = /^(令和|平成|R|H)\s*(元|\d{1,2})$/i.exec(word)
  if (era) return ERA_START[era[1]!.toUpperCase()]! + (era[2] === '元' ? 1 : Number(era[2])) - 1
  if (/^\d{4}$/.test(word)) return Number(word)
  throw new Error(`年度「${text}」は 2023・令和5・R5 のように書いてください`)
}

/** "2024-04", "2024/4", "2024-04-01" and a date Excel stored as a date all become YYYY-MM(-DD). */
export function periodText(text: string, what: string): string {
  const m = /^(\d{4})[-/年.](\d{1,2})(?:[-/月.](\d{1,2})日?)?月?$/.exec(
    text.normalize('NFKC').trim(),
  )
  if (!m) throw new Error(`${what}「${text}」は YYYY-MM か YYYY-MM-DD で書いてください`)
  if (Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`${what}「${text}」の月は 1〜12 です`)
  const month = m[2]!.padStart(2, '0')
  return m[3] ? `${m[1]}-${month}-${m[3].padStart(2, '0')}` : `${m[1]}-${month}`
}

const elementColumns: Column[] = COLLABORATION_ELEMENTS.flatMap((element) => [
  {
    header: `${COLLABORATION_ELEMENT_JA[element]}（点）`,
    width: 10,
    write: (meta) => meta.collaboration?.[element]?.score,
    read: (text, draft) => {
      const check = nested(nested(draft, 'collaboration'), element)
      check.score = rating(text, COLLABORATION_ELEMENT_JA[element])
    },
  },
  {
    header: `${COLLABORATION_ELEMENT_JA[element]}（メモ）`,
    width: 24,
    write: (meta) => meta.collaboration?.[element]?.note,
    read: (text, draft) => {
      nested(nested(draft, 'collaboration'), element).note = text
    },
  },
])

export const COLUMNS: Column[] = [
  { header: 'ID', aliases: ['id'], width: 24, write: (m) => m.id, read: (t, d) => (d.id = t) },
  {
    header: '事例名',
    aliases: ['タイトル', 'title'],
    width: 40,
    write: (m) => m.title,
    read: (t, d) => (d.title = t),
  },
  {
    header: '概要',
    aliases: ['summary'],
    width: 50,
    write: (m) => m.summary,
    read: (t, d) => (d.summary = t),
  },
  {
    header: '協働相手の種別',
    aliases: ['種別', 'partnerTypes'],
    width: 20,
    write: (m, ctx) => joined(m.partnerTypes.map((k) => typeLabel(k, ctx))),
    read: (t, d, ctx) =>
      (d.partnerTypes = lines(t.replace(/[、,]/g, '\n')).map((w) => partnerTypeKey(w, ctx))),
  },
  {
    header: '協働相手（名称 | 種別 | 役割）',
    aliases: ['協働相手', 'partners'],
    width: 50,
    write: (m, ctx) =>
      joined(m.partners?.map((p) => [p.name, typeLabel(p.type, ctx), p.role].join(PART))),
    read: (t, d, ctx) =>
      (d.partners = lines(t).map((line) => {
        const [name = '', type = '', ...role] = parts(line)
        if (!type) throw new Error(`協働相手「${line}」は「名称 | 種別 | 役割」で書いてください`)
        return { name, type: partnerTypeKey(type, ctx), role: role.join(PART) }
      })),
  },
  {
    header: '協働の形態',
    aliases: ['形態', 'forms'],
    width: 20,
    write: (m) => joined(m.forms),
    read: (t, d) => (d.forms = lines(t.replace(/[、,]/g, '\n'))),
  },
  {
    header: '発案',
    aliases: ['initiatedBy'],
    width: 10,
    write: (m) => (m.initiatedBy ? INITIATOR_JA[m.initiatedBy] : undefined),
    read: (t, d) => (d.initiatedBy = keyFromWord(INITIATOR_JA, t, '発案')),
  },
  {
    header: '担当課',
    aliases: ['department'],
    width: 20,
    write: (m) => m.department,
    read: (t, d) => (d.department = t),
  },
  {
    header: '地域',
    aliases: ['area'],
    width: 14,
    write: (m) => m.area,
    read: (t, d) => (d.area = t),
  },
  {
    header: '開始',
    aliases: ['開始年月', 'start'],
    width: 11,
    write: (m) => m.period?.start,
    read: (t, d) => (nested(d, 'period').start = periodText(t, '開始')),
  },
  {
    header: '終了',
    aliases: ['終了年月', 'end'],
    width: 11,
    write: (m) => m.period?.end ?? undefined,
    read: (t, d) =>
      (nested(d, 'period').end = /^(継続中|ongoing)$/i.test(t) ? null : periodText(t, '終了')),
  },
  {
    header: '年度',
    aliases: ['fiscalYear'],
    width: 8,
    write: (m) => m.fiscalYear,
    read: (t, d) => (d.fiscalYear = fiscalYearText(t)),
  },
  // Derived from 年度 on export, ignored on import: a person reads 令和5年度, the number is the truth.
  {
    header: '年度（和暦）',
    width: 14,
    write: (m) => (m.fiscalYear ? warekiOfFiscalYear(m.fiscalYear) : undefined),
  },
  {
    header: '状態',
    aliases: ['status'],
    width: 10,
    write: (m) => STATUS_JA[m.status],
    read: (t, d) => (d.status = keyFromWord(STATUS_JA, t, '状態')),
  },
  {
    header: 'タグ',
    aliases: ['tags'],
    width: 24,
    write: (m) => joined(m.tags),
    read: (t, d) => (d.tags = lines(t.replace(/[、,]/g, '\n'))),
  },
  {
    header: '成果（項目: 値 単位）',
    aliases: ['成果', 'outcomes'],
    width: 30,
    write: (m) => joined(m.outcomes?.map((o) => `${o.label}: ${o.value} ${o.unit}`.trimEnd())),
    read: (t, d) =>
      (d.outcomes = lines(t).map((line) => {
        const m = /^(.+?)\s*[:：]\s*([-−]?[\d,.０-９，．]+)\s*(.*)$/.exec(line)
        if (!m) throw new Error(`成果「${line}」は「項目: 値 単位」で書いてください`)
        return { label: m[1]!, value: numberOf(m[2]!, '成果の値'), unit: m[3]! }
      })),
  },
  {
    header: '評価（市）',
    width: 9,
    write: (m) => m.evaluation?.city,
    read: (t, d) => (nested(d, 'evaluation').city = rating(t, '評価（市）')),
  },
  {
    header: '評価（相手）',
    width: 9,
    write: (m) => m.evaluation?.partner,
    read: (t, d) => (nested(d, 'evaluation').partner = rating(t, '評価（相手）')),
  },
  {
    header: '評価メモ',
    width: 30,
    write: (m) => m.evaluation?.note,
    read: (t, d) => (nested(d, 'evaluation').note = t),
  },
  ...elementColumns,
  {
    header: '協働の4要素（メモ）',
    width: 30,
    write: (m) => m.collaboration?.note,
    read: (t, d) => (nested(d, 'collaboration').note = t),
  },
  {
    header: '問い合わせ（氏名）',
    width: 14,
    write: (m) => m.contact?.name,
    read: (t, d) => (nested(d, 'contact').name = t),
  },
  {
    header: '問い合わせ（所属）',
    width: 18,
    write: (m) => m.contact?.section,
    read: (t, d) => (nested(d, 'contact').section = t),
  },
  {
    header: '出典（題名 | URL）',
    aliases: ['出典', 'sources'],
    width: 40,
    write: (m) => joined(m.sources?.map((s) => [s.title, s.url].join(PART))),
    read: (t, d) =>
      (d.sources = lines(t).map((line) => {
        const all = parts(line)
        const url = all.pop() ?? ''
        return { title: all.join(PART) || url, url }
      })),
  },
  {
    header: '関連事例（ID）',
    aliases: ['関連事例', 'related'],
    width: 24,
    write: (m) => joined(m.related),
    read: (t, d) => (d.related = lines(t.replace(/[、,]/g, '\n'))),
  },
  {
    header: '最終確認日',
    aliases: ['lastVerified'],
    width: 12,
    write: (m) => m.lastVerified,
    read: (t, d) => (d.lastVerified = periodText(t, '最終確認日')),
  },
  {
    header: '作成日時',
    aliases: ['createdAt'],
    width: 22,
    write: (m) => m.createdAt,
    read: (t, d) => (d.createdAt = t),
  },
  {
    header: '更新日時',
    aliases: ['updatedAt'],
    width: 22,
    write: (m) => m.updatedAt,
    read: (t, d) => (d.updatedAt = t),
  },
]

/** The link column: written as a hyperlink to the case's file, never read back. */
export const LINK_HEADER = 'リンク'
/** The body column (Markdown), so a sheet carries whole cases and round-trips. */
export const BODY_HEADER = '本文'
export const BODY_ALIASES = ['本文（Markdown）', 'body']
