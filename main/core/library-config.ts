import { z } from 'zod'
import { LIBRARY_FORMAT, type PartnerType } from '../../common/model'
import { PARTNER_TYPE_KEY_PATTERN } from '../../common/id-pattern'

export const DEFAULT_PARTNER_TYPES: PartnerType[] = [
  { key: 'community', ja: '地域・自治会', en: 'Community associations', color: '#2f7d4f' },
  { key: 'npo', ja: 'NPO・市民活動', en: 'NPOs and citizen groups', color: '#c0602a' },
  { key: 'private', ja: '民間企業', en: 'Companies', color: '#2a5fa8' },
  { key: 'academia', ja: '大学・学生', en: 'Universities and students', color: '#7a4bb0' },
  { key: 'interdepartment', ja: '庁内他部局', en: 'Other departments', color: '#5b6573' },
  {
    key: 'public',
    ja: '他の公的機関（社協・学校・他自治体）',
    en: 'Other public bodies',
    color: '#a8781f',
  },
]

export const partnerTypeSchema = z.strictObject({
  key: z.string().regex(PARTNER_TYPE_KEY_PATTERN),
  ja: z.string().min(1).max(60),
  en: z.string().min(1).max(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
})

/**
 * library.json. Unknown keys are kept: later versions add settings (saved searches, glossary…)
 * and an older app must not drop them when it writes the file back.
 */
export const libraryConfigSchema = z.looseObject({
  format: z.string().refine((f) => f.startsWith('kyodo-kb/1'), 'kyodo-kb/1 形式ではありません'),
  name: z.string().min(1).max(200),
  partnerTypes: z.array(partnerTypeSchema).min(1),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  tagColors: z.record(z.string(), z.string()).default({}),
})

export type LibraryConfig = z.infer<typeof libraryConfigSchema>

export function defaultLibraryConfig(name: string): LibraryConfig {
  return {
    format: LIBRARY_FORMAT,
    name,
    partnerTypes: DEFAULT_PARTNER_TYPES,
    synonyms: [
      ['子ども', '子供', 'こども'],
      ['自治会', '町内会', '町会'],
      ['協働', '共働'],
      ['NPO', '特定非営利活動法人'],
    ],
    tagColors: {},
  }
}
