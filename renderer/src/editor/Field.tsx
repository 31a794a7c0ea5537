import { useId, type ReactElement, cloneElement } from 'react'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

interface Props {
  label: string
  error?: MessageKey
  children: ReactElement<Record<string, unknown>>
  wide?: boolean
}

/** A labelled control with its validation message beside it, wired with aria attributes. */
export function Field({ label, error, children, wide }: Props) {
  const { t } = useI18n()
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {t(error)}
        </span>
      )}
    </div>
  )
}
