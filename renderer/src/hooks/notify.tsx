import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'
import { Toast, type ToastMessage } from '../components/Toast'

/** Shows a short notice at the bottom of the window, optionally with an action (Undo). */
export type Notify = (text: string, action?: ToastMessage['action']) => void

export const NotifyContext = createContext<Notify | null>(null)

/** The window's one notifier: every screen reports through it, and one toast region shows it. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const notify = useCallback<Notify>(
    (text, action) => setToast({ id: Date.now(), text, action }),
    [],
  )
  const dismiss = useCallback(() => setToast(null), [])
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Toast toast={toast} onDismiss={dismiss} />
    </NotifyContext.Provider>
  )
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext)
  if (!notify) throw new Error('useNotify needs a NotifyProvider above it')
  return notify
}
