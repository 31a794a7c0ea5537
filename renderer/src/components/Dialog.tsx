import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'

interface Props {
  title: string
  children: ReactNode
  onClose(): void
  wide?: boolean
}

/**
 * A modal dialog on the native <dialog> element: focus moves into it and is trapped by the
 * browser, Escape closes it, and focus returns to where it was.
 */
export function Dialog({ title, children, onClose, wide }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current!
    const previous = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal?.()
    return () => {
      dialog.close?.()
      previous?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('help.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {children}
    </dialog>
  )
}
