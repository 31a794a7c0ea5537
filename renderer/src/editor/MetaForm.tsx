import {
  COLLABORATION_FORMS,
  INITIATORS,
  CASE_STATUSES,
  type PartnerType,
} from '../../../common/model'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n } from '../i18n/i18n'
import { formLabel } from '../components/form-labels'
import { CharCounter } from './CharCounter'
import { Field } from './Field'
import { TEXT_LIMITS } from './field-messages'
import type { FieldErrors, MetaDraft } from './meta-draft'
import { RowList } from './RowList'

interface Props {
  draft: MetaDraft
  errors: FieldErrors
  partnerTypes: PartnerType[]
  /** Tags already used in the library, offered as one-click additions. */
  tagSuggestions?: string[]
  onChange(draft: MetaDraft): void
}

/** The metadata form. Every control is labelled; errors appear next to their field. */
export function MetaForm({ draft, errors, partnerTypes, tagSuggestions = [], onChange }: Props) {
  const { t, language } = useI18n()
  const set = <K extends keyof MetaDraft>(key: K, value: MetaDraft[K]) =>
    onChange({ ...draft, [key]: value })
  const toggle = <T,>(values: T[], value: T) =>
    values.includes(value) ? values.filter((v) => v !== value) : [...values, value]
  const input = (key: keyof MetaDraft & string, props: Record<string, unknown> = {}) => (
    <input
      value={draft[key] as string}
      onChange={(e) => set(key, e.target.value as never)}
      {...props}
    />
  )

  return (
    <div className="meta-form">
      {/* No maxLength: a pasted text is never cut silently; the counter and the message say
          when it is too long. */}
      <Field
        label={t('field.title')}
        error={errors.title}
        wide
        after={<CharCounter value={draft.title} max={TEXT_LIMITS.title} />}
      >
        {input('title', { required: true })}
      </Field>
      <Field
        label={t('field.summary')}
        error={errors.summary}
        wide
        after={<CharCounter value={draft.summary} max={TEXT_LIMITS.summary} />}
      >
        <textarea rows={3} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
      </Field>
      <fieldset className={`field wide${errors.partnerTypes ? ' has-error' : ''}`}>
        <legend>{t('field.partnerTypes')}</legend>
        <div className="checkbox-row">
          {partnerTypes.map((type) => (
            <label key={type.key} className="checkbox">
              <input
                type="checkbox"
                checked={draft.partnerTypes.includes(type.key)}
                onChange={() => set('partnerTypes', toggle(draft.partnerTypes, type.key))}
              />
              <span className="chip-dot" style={{ background: type.color }} aria-hidden="true" />
              {language === 'ja' ? type.ja : type.en}
            </label>
          ))}
        </div>
        {errors.partnerTypes && (
          <span className="field-error" role="alert">
            {t(errors.partnerTypes)}
          </span>
        )}
      </fieldset>
      <fieldset className="field wide">
        <legend>{t('field.forms')}</legend>
        <div className="checkbox-row">
          {COLLABORATION_FORMS.map((form) => (
            <label key={form} className="checkbox">
              <input
                type="checkbox"
                checked={draft.forms.includes(form)}
                onChange={() => set('forms', toggle(draft.forms, form))}
              />
              {formLabel(form, t)}
            </label>
          ))}
        </div>
      </fieldset>
      <RowList
        legend={t('field.partners')}
        addLabel={t('field.addPartner')}
        rows={draft.partners}
        onChange={(rows) => set('partners', rows)}
        blank={{ name: '', type: draft.partnerTypes[0] ?? partnerTypes[0]?.key ?? '', role: '' }}
        render={(row, i, update) => (
          <>
            <Field label={t('field.partnerName')} error={errors[`partners.${i}.name`]}>
              <input value={row.name} onChange={(e) => update({ ...row, name: e.target.value })} />
            </Field>
            <Field label={t('field.partnerType')}>
              <select value={row.type} onChange={(e) => update({ ...row, type: e.target.value })}>
                {partnerTypes.map((type) => (
                  <option key={type.key} value={type.key}>
                    {partnerTypeLabel(partnerTypes, type.key, language)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('field.partnerRole')} wide>
              <input value={row.role} onChange={(e) => update({ ...row, role: e.target.value })} />
            </Field>
          </>
        )}
      />
      <Field label={t('field.status')}>
        <select
          value={draft.status}
          onChange={(e) => set('status', e.target.value as MetaDraft['status'])}
        >
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('field.initiatedBy')}>
        <select
          value={draft.initiatedBy}
          onChange={(e) => set('initiatedBy', e.target.value as MetaDraft['initiatedBy'])}
        >
          <option value="">{t('field.none')}</option>
          {INITIATORS.map((i) => (
            <option key={i} value={i}>
              {t(`initiatedBy.${i}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('field.department')} error={errors.department}>
        {input('department')}
      </Field>
      <Field label={t('field.area')} error={errors.area}>
        {input('area')}
      </Field>
      <Field label={t('field.periodStart')} error={errors.periodStart}>
        {input('periodStart', { placeholder: '2024-04', inputMode: 'numeric' })}
      </Field>
      <Field label={t('field.periodEnd')} error={errors.periodEnd}>
        {input('periodEnd', { placeholder: '2025-03', inputMode: 'numeric' })}
      </Field>
      <Field label={t('field.fiscalYear')} error={errors.fiscalYear}>
        {input('fiscalYear', { placeholder: '2024 / 令和6 / R6' })}
      </Field>
      <Field label={t('field.lastVerified')} error={errors.lastVerified}>
        {input('lastVerified', { type: 'date' })}
      </Field>
      <Field label={t('field.tags')} error={errors.tags} wide>
        {input('tags', { placeholder: '防災、子育て' })}
      </Field>
      <TagSuggestions
        current={draft.tags}
        suggestions={tagSuggestions}
        onAdd={(tag) => set('tags', draft.tags.trim() ? `${draft.tags.trim()}、${tag}` : tag)}
      />
      <RowList
        legend={t('field.outcomes')}
        addLabel={t('field.addOutcome')}
        rows={draft.outcomes}
        onChange={(rows) => set('outcomes', rows)}
        blank={{ label: '', value: '', unit: '' }}
        render={(row, i, update) => (
          <>
            <Field label={t('field.outcomeLabel')} error={errors[`outcomes.${i}.label`]}>
              <input
                value={row.label}
                onChange={(e) => update({ ...row, label: e.target.value })}
              />
            </Field>
            <Field label={t('field.outcomeValue')} error={errors[`outcomes.${i}.value`]}>
              <input
                inputMode="decimal"
                value={row.value}
                onChange={(e) => update({ ...row, value: e.target.value })}
              />
            </Field>
            <Field label={t('field.outcomeUnit')} error={errors[`outcomes.${i}.unit`]}>
              <input value={row.unit} onChange={(e) => update({ ...row, unit: e.target.value })} />
            </Field>
          </>
        )}
      />
      <Field label={t('field.evaluationCity')} error={errors.evaluationCity}>
        {input('evaluationCity', { inputMode: 'numeric' })}
      </Field>
      <Field label={t('field.evaluationPartner')} error={errors.evaluationPartner}>
        {input('evaluationPartner', { inputMode: 'numeric' })}
      </Field>
      <Field label={t('field.evaluationNote')} error={errors.evaluationNote} wide>
        {input('evaluationNote')}
      </Field>
      <Field label={t('field.contactSection')} error={errors.contactSection}>
        {input('contactSection')}
      </Field>
      <Field label={t('field.contactName')} error={errors.contactName}>
        {input('contactName')}
      </Field>
    </div>
  )
}

/** One-click tags from the library, so the same word is spelled the same way everywhere. */
function TagSuggestions({
  current,
  suggestions,
  onAdd,
}: {
  current: string
  suggestions: string[]
  onAdd(tag: string): void
}) {
  const { t } = useI18n()
  const used = new Set(current.split(/[,、，]/).map((x) => x.trim()))
  const offered = suggestions.filter((tag) => !used.has(tag))
  if (offered.length === 0) return null
  return (
    <div className="field wide tag-suggestions" role="group" aria-label={t('tags.suggest')}>
      <span className="muted small">{t('tags.suggest')}:</span>
      {offered.map((tag) => (
        <button key={tag} type="button" className="tag tag-button" onClick={() => onAdd(tag)}>
          ＋{tag}
        </button>
      ))}
    </div>
  )
}
