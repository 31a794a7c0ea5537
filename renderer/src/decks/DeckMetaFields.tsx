import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

/** The title slide's fields as the builder edits them (empty string = absent). */
export interface DeckMeta {
  title: string
  subtitle: string
  author: string
  date: string
}

const FIELDS: { name: keyof DeckMeta; label: MessageKey; max: number; placeholder?: MessageKey }[] =
  [
    { name: 'title', label: 'deck.field.title', max: 200 },
    { name: 'subtitle', label: 'deck.field.subtitle', max: 300 },
    { name: 'author', label: 'deck.field.author', max: 200 },
    { name: 'date', label: 'deck.field.date', max: 60, placeholder: 'deck.field.datePlaceholder' },
  ]

/** Title, subtitle, author and date: what the deck's first slide shows. */
export function DeckMetaFields(props: {
  meta: DeckMeta
  titleError: boolean
  onChange(meta: DeckMeta): void
}) {
  const { t } = useI18n()
  return (
    <fieldset className="deck-meta">
      <legend className="section-label">{t('deck.details')}</legend>
      {FIELDS.map((field) => {
        const id = `deck-field-${field.name}`
        const invalid = field.name === 'title' && props.titleError
        return (
          <div key={field.name} className={`deck-field field-${field.name}`}>
            <label htmlFor={id}>
              {t(field.label)}
              {field.name === 'title' && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={id}
              type="text"
              value={props.meta[field.name]}
              maxLength={field.max}
              required={field.name === 'title'}
              placeholder={field.placeholder ? t(field.placeholder) : undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-error` : undefined}
              onChange={(e) => props.onChange({ ...props.meta, [field.name]: e.target.value })}
            />
            {invalid && (
              <p id={`${id}-error`} className="field-error">
                {t('decks.titleRequired')}
              </p>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
