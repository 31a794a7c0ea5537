import type { PartnerType } from '../../../common/model'
import { partnerTypesNamed } from '../../../common/search/partner-type-labels'
import { FIELD_ALIASES, QUOTES } from '../../../common/search/query-syntax'

/**
 * `type:` takes a partner-type key (`type:academia`), but people type what the screen shows:
 * `type:大学`, `種別:NPO`, `type:"大学・学生"`. Before the query reaches the engine, a type value
 * that is no key is replaced by the keys whose Japanese or English label contains it (several
 * ORed); a value that names no type is left as it is and finds nothing, as before. Forms need no
 * mapping: their keys are the Japanese names and `form:` matches by containment.
 */
export function resolvePartnerTypeLabels(query: string, types: PartnerType[]): string {
  const keys = new Set(types.map((t) => t.key))
  const open = Object.keys(QUOTES).map(escape).join('')
  const close = Object.values(QUOTES).map(escape).join('')
  const term = new RegExp(
    `(^|\\s)(-?)([^\\s:：]+)[:：](?:([${open}])([^${close}]*)[${close}]|(\\S+))`,
    'g',
  )
  return query.replace(
    term,
    (whole, lead: string, minus: string, name: string, _q, quoted, bare) => {
      if (FIELD_ALIASES[name.normalize('NFKC').toLowerCase()] !== 'type') return whole
      const value = String(quoted ?? bare ?? '')
      if (keys.has(value)) return whole
      const matches = partnerTypesNamed(value, types)
      if (matches.length === 0) return whole
      // A negated label excludes each matching type; a positive one accepts any of them.
      const joined = matches.map((key) => `${minus}type:${key}`).join(minus ? ' ' : ' OR ')
      return `${lead}${joined}`
    },
  )
}

const escape = (text: string) => text.replace(/[\\\]^-]/g, '\\$&')
