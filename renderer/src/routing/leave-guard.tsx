import { createContext, useRef, type MutableRefObject, type ReactNode } from 'react'

/** A guard asked before leaving the current screen; false keeps the user where they are. */
export type LeaveGuard = () => boolean

/**
 * The guard of the screen that is showing (an editor with unsaved changes), read by the router.
 * Held per window in a context, not in a module variable, so tests and windows never share one.
 */
export const LeaveGuardContext = createContext<MutableRefObject<LeaveGuard | null>>({
  current: null,
})

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const guard = useRef<LeaveGuard | null>(null)
  return <LeaveGuardContext.Provider value={guard}>{children}</LeaveGuardContext.Provider>
}
