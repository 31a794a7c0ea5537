import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import type { PartnerType } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import type { CaseFilter } from '../state/case-filter'
import { formLabel } from './form-labels'
import { partnerTypeLabel } from './PartnerChip'

interface Props {
  filter: CaseFilter
  partnerTypes: PartnerType[]
  onFilter(filter: CaseFilter): void
}

interface Chip {
  id: string
  group: string
  label: string
  remove(): CaseFilter
}

/**
 * The active filters as removable chips (協働相手：大学・学生 ×), so that a chart click or a
 * link shows what it selected in words instead of leaving `type:academia` in the search box.
 */
export function FilterChips({ filter, partnerTypes, onFilter }: Props) {
  const { t, language } = useI18n()
  const without = (key: keyof CaseFilter) => () => ({ ...filter, [key]: undefined })
  const chips: Chip[] = []
  const single = (key: keyof CaseFilter, group: MessageKey, label: (v: string) => string) => {
    const value = filter[key]
    if (typeof value === 'string' && value)
      chips.push({ id: key, group: t(group), label: label(value), remove: without(key) })
  }
  single('partnerType', 'sidebar.partnerTypes', (v) => partnerTypeLabel(partnerTypes, v, language))
  for (const year of filter.years ?? [])
    chips.push({
      id: `year-${year}`,
      group: t('sidebar.years'),
      label: t('format.fiscalYearWareki', { year, wareki: warekiOfFiscalYear(year) }),
      remove: () => {
        const years = filter.years!.filter((y) => y !== year)
        return { ...filter, years: years.length ? years : undefined }
      },
    })
  single('form', 'chips.form', (v) => formLabel(v, t))
  single('tag', 'sidebar.tags', (v) => v)
  single('department', 'sidebar.departments', (v) => v)
  single('area', 'chips.area', (v) => v)
  single('status', 'sidebar.status', (v) => t(`status.${v}` as MessageKey))
  if (chips.length === 0) return null

  return (
    <div className="filter-chips" role="group" aria-label={t('chips.label')}>
      {chips.map((chip) => (
        <span className="filter-chip" key={chip.id}>
          <span className="filter-chip-group">{chip.group}：</span>
          {chip.label}
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={t('chips.remove', { group: chip.group, label: chip.label })}
            onClick={() => onFilter(chip.remove())}
          >
            ×
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button
          type="button"
          className="link-button small"
          onClick={() => onFilter({ text: filter.text })}
        >
          {t('chips.clear')}
        </button>
      )}
    </div>
  )
}
