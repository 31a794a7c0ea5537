import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'

/**
 * One Tab stop for a whole list (a roving tabindex): only the current row is in the Tab order,
 * arrow keys, Home and End move within the list. The list is virtualised, so a row far away is
 * scrolled into the DOM first and focused once it is rendered.
 */
export function useRovingList(options: {
  count: number
  /** The row of the open case, which becomes the current row whenever it changes. */
  selectedIndex: number
  scroller: RefObject<HTMLElement | null>
  scrollToIndex(index: number): void
}) {
  const { count, selectedIndex, scroller, scrollToIndex } = options
  const [state, setState] = useState({ selectedIndex, active: Math.max(0, selectedIndex) })
  if (state.selectedIndex !== selectedIndex)
    setState({ selectedIndex, active: selectedIndex >= 0 ? selectedIndex : state.active })
  const active = Math.min(Math.max(0, state.active), Math.max(0, count - 1))
  const pendingFocus = useRef<number | null>(null)

  useEffect(() => {
    const index = pendingFocus.current
    if (index === null) return
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`)
    if (row) {
      row.focus()
      pendingFocus.current = null
    }
  })

  const move = (index: number) => {
    const next = Math.min(Math.max(0, index), count - 1)
    pendingFocus.current = next
    setState({ selectedIndex, active: next })
    scrollToIndex(next)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: count - 1,
      PageDown: active + 5,
      PageUp: active - 5,
    }
    const target = keys[event.key]
    if (target === undefined || count === 0) return
    event.preventDefault()
    move(target)
  }

  return { active, onKeyDown, tabIndexOf: (index: number) => (index === active ? 0 : -1) }
}
