import type { PartnerType, RelatedCase } from '../../../common/model'
import type { RelatedReason } from '../../../common/learn/related'
import { api } from '../api'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n, type Language, type Translate } from '../i18n/i18n'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { useLibraryInfo } from '../state/library-context'
import './related-cases.css'

/** At most this many related cases in the side column. */
const LIMIT = 5

/**
 * The case view's 「関連する事例」: up to five cases related by an explicit link, a shared
 * partner type, shared tags or similar text, each with the reason in words.
 */
export function RelatedCases({ caseId }: { caseId: string }) {
  const { t, language } = useI18n()
  const info = useLibraryInfo()
  const loaded = useApiValue(() => api.call('learn.related', caseId), [caseId], {
    refreshOn: onLibraryChange,
  })
  const related: RelatedCase[] = loaded.value?.related ?? []
  if (loaded.loading || related.length === 0) return null
  const types = info?.partnerTypes ?? []
  return (
    <section className="related-cases" aria-labelledby="related-title">
      <h2 id="related-title">{t('learn.related')}</h2>
      <ul>
        {related.slice(0, LIMIT).map((item) => (
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
