import { useContext, useEffect, useRef, useState } from 'react'
import { LeaveGuardContext } from './leave-guard'
import { hrefOf, parseRoute, type Route } from './route'

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

/**
 * The current route, following `hashchange`. When a leave guard refuses, the previous hash is
 * put back, so an unsaved edit is never thrown away by a click on the list or the back button.
 */
export function useRoute(): Route {
  const guardRef = useContext(LeaveGuardContext)
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  const current = useRef(window.location.hash)
  useEffect(() => {
    const onChange = () => {
      const next = window.location.hash
      if (next === current.current) return
      if (guardRef.current && !guardRef.current()) {
        window.history.replaceState(null, '', current.current || '#/')
        return
      }
      guardRef.current = null
      current.current = next
      setRoute(parseRoute(next))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [guardRef])
  return route
}
