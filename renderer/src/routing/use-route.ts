import { useEffect, useRef, useState } from 'react'
import { hrefOf, parseRoute, type Route } from './route'

/** A guard asked before leaving the current screen; false keeps the user where they are. */
export type LeaveGuard = () => boolean

let activeGuard: LeaveGuard | null = null

/** Registers the guard of the screen that is showing (the editor, while it has changes). */
export function setLeaveGuard(guard: LeaveGuard | null): void {
  activeGuard = guard
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

/**
 * The current route, following `hashchange`. When a leave guard refuses, the previous hash is
 * put back, so an unsaved edit is never thrown away by a click on the list or the back button.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  const current = useRef(window.location.hash)
  useEffect(() => {
    const onChange = () => {
      const next = window.location.hash
      if (next === current.current) return
      if (activeGuard && !activeGuard()) {
        window.history.replaceState(null, '', current.current || '#/')
        return
      }
      activeGuard = null
      current.current = next
      setRoute(parseRoute(next))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
