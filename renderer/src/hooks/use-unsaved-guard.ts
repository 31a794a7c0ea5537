import { useCallback, useContext, useEffect } from 'react'
import { LeaveGuardContext } from '../routing/leave-guard'

/**
 * While `dirty`, leaving the screen (a link, the back button, closing the window) asks first with
 * `question`. `release()` drops the guardRef at once, for a save that navigates away itself.
 */
export function useUnsavedGuard(dirty: boolean, question: string): { release(): void } {
  const guardRef = useContext(LeaveGuardContext)
  useEffect(() => {
    guardRef.current = dirty ? () => window.confirm(question) : null
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault()
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      guardRef.current = null
    }
  }, [dirty, question, guardRef])
  const release = useCallback(() => {
    guardRef.current = null
  }, [guardRef])
  return { release }
}
