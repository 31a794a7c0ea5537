import { useId, type ReactElement, type ReactNode, cloneElement } from 'react'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

interface Props {
  label: string
  error?: MessageKey
  children: ReactElement<Record<string, unknown>>
  wide?: boolean
  /** Shown under the control, e.g. a character counter. */
  after?: ReactNode
}

/** A labelled control with its validation message beside it, wired with aria attributes. */
export function Field({ label, error, children, wide, after }: Props) {
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
      {after}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {t(error)}
        </span>
      )}
    </div>
  )
}
