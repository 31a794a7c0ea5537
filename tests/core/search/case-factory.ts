import type { CaseDoc, CaseMeta } from '../../../common/model'

/** A valid case with only what a test cares about filled in. */
export function caseDoc(id: string, meta: Partial<CaseMeta> = {}, body = ''): CaseDoc {
  return {
    meta: {
      schema: 1,
      id,
      title: `事例 ${id}`,
      partnerTypes: ['community'],
      status: 'published',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      revision: 1,
      ...meta,
    },
    body,
  }
}

export const DEFAULT_SYNONYMS = [
  ['子ども', '子供', 'こども'],
  ['自治会', '町内会', '町会'],
  ['協働', '共働'],
  ['NPO', '特定非営利活動法人'],
]

/** About 3,000 characters of filler that contains none of the test words. */
export function longFiller(seed = 0): string {
  const words = [
    '地域',
    'の',
    '取り組み',
    'を',
    '進め',
    'ました',
    '。',
    '会議',
    'で',
    '話し合い',
    '、',
    '計画',
    'が',
    'まとまり',
  ]
  let text = ''
  for (let i = 0; text.length < 3000; i++) text += words[(i * 5 + seed) % words.length]
  return text
}

/** A search result without its timing, which differs between two runs of the same query. */
export function withoutTiming<T extends { ms: number }>(result: T): Omit<T, 'ms'> {
  const copy: Partial<T> = { ...result }
  delete copy.ms
  return copy as Omit<T, 'ms'>
}
