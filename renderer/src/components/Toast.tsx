import { useEffect } from 'react'

export interface ToastMessage {
  id: number
  text: string
  action?: { label: string; run(): void }
}

/** A short notice at the bottom (announced to screen readers), with an optional action (Undo). */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(onDismiss, toast.action ? 10_000 : 5_000)
    return () => clearTimeout(timer)
  }, [toast, onDismiss])
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                toast.action!.run()
                onDismiss()
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
