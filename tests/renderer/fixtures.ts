import type { CaseMeta, PartnerType } from '../../common/model'

/** The sample library's partner types (data/library.json), enough for forms and chips. */
export const PARTNER_TYPES: PartnerType[] = [
  { key: 'community', ja: '地域・自治会', en: 'Community associations', color: '#2f7d4f' },
  { key: 'npo', ja: 'NPO・市民活動', en: 'NPOs and citizen groups', color: '#c0602a' },
  { key: 'private', ja: '民間企業', en: 'Companies', color: '#2a5fa8' },
]

/** A stored case with only the required fields, plus whatever the test sets. */
export function caseMeta(overrides: Partial<CaseMeta> = {}): CaseMeta {
  return {
    schema: 1,
    id: 'sample-case',
    title: '事例',
    partnerTypes: ['npo'],
    status: 'draft',
    createdAt: '2024-04-01T09:00:00.000+09:00',
    updatedAt: '2024-04-01T09:00:00.000+09:00',
    revision: 1,
    ...overrides,
  }
}

/** A case with every editable field filled in, as a careful author would write it. */
export function completeCaseMeta(): CaseMeta {
  return caseMeta({
    id: 'akiya-taisaku-kyotei',
    title: '宅建協会・NPOとの協定による空き家のワンストップ相談',
    summary: '空き家の相談窓口を協定で一本化した。',
    partnerTypes: ['private', 'npo'],
    partners: [
      { name: 'かすみ野宅地建物取引業協会', type: 'private', role: '物件調査・媒介' },
      { name: 'NPO法人空き家みらいネット', type: 'npo', role: '相談会の運営' },
    ],
    forms: ['事業協力・協定', '委託'],
    initiatedBy: 'city',
    department: '都市計画課',
    area: '北部地区',
    period: { start: '2019-02', end: null },
    fiscalYear: 2018,
    status: 'published',
    tags: ['空き家', '住宅政策', 'まちづくり'],
    outcomes: [
      { label: '相談件数（累計）', value: 389, unit: '件' },
      { label: '成約率', value: 12.5, unit: '%' },
    ],
    evaluation: { city: 4, partner: 5, note: '役割分担が明確だった' },
    contact: { name: '山田 花子', section: '都市計画課 住宅係' },
    sources: [{ title: '協定書', url: 'https://www.city.example.lg.jp/akiya' }],
    related: ['hokatsu-renkei-kyotei', 'food-loss-genryo'],
    lastVerified: '2025-03-31',
  })
}
