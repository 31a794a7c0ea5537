import { caseMetaInputSchema } from '../case-schema'

/**
 * The words front matter uses, from many tools and many authors: key spellings for each format v1
 * field, and the values people write for partner types, statuses and who started it.
 */

export type Field = keyof typeof caseMetaInputSchema.shape

/** Front matter key (lower-cased) → the v1 field it feeds. Many tools, many spellings. */
export const ALIASES: Record<
  string,
  Field | 'id' | 'aliases' | 'created' | 'updated' | 'start' | 'end'
> = {
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
export const PARTNER_WORDS: [RegExp, string][] = [
  [/自治会|町内会|町会|地域|community|neighbo/i, 'community'],
  [/npo|市民活動|ボランティア|市民団体/i, 'npo'],
  [/企業|民間|事業者|会社|company|business|private/i, 'private'],
  [/大学|学生|研究|universit|academ|college/i, 'academia'],
  [/庁内|他部局|他課|interdepartment|department/i, 'interdepartment'],
  [/社協|社会福祉協議会|学校|自治体|公的|public/i, 'public'],
]

export const STATUS_WORDS: Record<string, string> = {
  公開: 'published',
  公開中: 'published',
  publish: 'published',
  下書き: 'draft',
  草稿: 'draft',
  アーカイブ: 'archived',
  終了: 'archived',
}
export const INITIATOR_WORDS: Record<string, string> = {
  行政発: 'city',
  市: 'city',
  行政: 'city',
  団体発: 'partner',
  相手方: 'partner',
  共同: 'joint',
}
