import { KbError, bilingual } from './errors'

/**
 * Refuses metadata that names a partner type the library does not define (in `partnerTypes` or a
 * partner's `type`): such a case would show an unlabelled chip and fall out of every facet.
 */
export function assertKnownPartnerTypes(
  meta: { partnerTypes: string[]; partners?: { type: string }[] },
  known: ReadonlySet<string>,
): void {
  const unknown = [...meta.partnerTypes, ...(meta.partners ?? []).map((p) => p.type)].filter(
    (key) => !known.has(key),
  )
  if (unknown.length === 0) return
  throw new KbError(
    'invalid',
    bilingual(
      `未登録の協働相手の種別です: ${unknown.join(', ')}`,
      `Unknown partner type: ${unknown.join(', ')}`,
    ),
    { issues: [{ path: 'partnerTypes', message: `未登録: ${unknown.join(', ')}` }] },
  )
}
