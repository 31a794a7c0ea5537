import { useEffect, useState } from 'react'
import type { PartnerType, RelatedCase } from '../../../common/model'
import type { RelatedReason } from '../../../common/learn/related'
import { api } from '../api'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n, type Language, type Translate } from '../i18n/i18n'
import { useLibraryInfo } from './learn-data'
import './learn.css'

/** At most this many related cases in the side column. */
const LIMIT = 5

/**
 * The case view's 「関連する事例」: up to five cases related by an explicit link, a shared
 * partner type, shared tags or similar text, each with the reason in words.
 */
export function RelatedCases({ caseId }: { caseId: string }) {
  const { t, language } = useI18n()
  const info = useLibraryInfo()
  const [state, setState] = useState<{ caseId: string; related: RelatedCase[] } | null>(null)
  useEffect(() => {
    let cancelled = false
    void api.call('learn.related', caseId).then((result) => {
      if (!cancelled) setState({ caseId, related: result.ok ? result.value.related : [] })
    })
    return () => {
      cancelled = true
    }
  }, [caseId])
  // Still holding another case's list means this one is on its way.
  if (!state || state.caseId !== caseId || state.related.length === 0) return null
  const types = info?.partnerTypes ?? []
  return (
    <section className="related-cases" aria-labelledby="related-title">
      <h2 id="related-title">{t('learn.related')}</h2>
      <ul>
        {state.related.slice(0, LIMIT).map((item) => (
          <li key={item.id}>
            <a href={`#/case/${item.id}`}>{item.title}</a>
            <ul className="related-reasons" aria-label={t('learn.related.why')}>
              {item.reasons.map((reason, i) => (
                <li key={i} className={`related-reason ${reason.kind}`}>
                  {reasonText(reason, t, types, language)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** 「関連事例として登録」「同じ協働相手：NPO・市民活動」「共通タグ：防災・子育て」「内容が似ている」 */
export function reasonText(
  reason: RelatedReason,
  t: Translate,
  types: PartnerType[],
  language: Language,
): string {
  switch (reason.kind) {
    case 'explicit':
      return t('learn.reason.explicit')
    case 'partnerType':
      return t('learn.reason.partnerType', { type: partnerTypeLabel(types, reason.key, language) })
    case 'tags':
      return t('learn.reason.tags', { tags: reason.tags.join(t('learn.listSeparator')) })
    case 'similar':
      return t('learn.reason.similar')
  }
}
