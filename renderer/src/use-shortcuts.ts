import { useEffect, useRef } from 'react'

interface Actions {
  focusSearch(): void
  newCase(): void
  help(): void
  /** Move to the next (+1) or previous (-1) case in the list. */
  step(delta: 1 | -1): void
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The app-wide shortcuts (listed in the help dialog). Single-letter keys (J, K, ?) only act when
 * the user is not typing, so they never eat characters in a form or the editor.
 */
export function useShortcuts(actions: Actions): void {
  const ref = useRef(actions)
  useEffect(() => {
    ref.current = actions
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current
      const key = e.key.toLowerCase()
      if ((e.ctrlKey || e.metaKey) && key === 'k') {
        e.preventDefault()
        a.focusSearch()
      } else if ((e.altKey && key === 'n') || ((e.ctrlKey || e.metaKey) && key === 'n')) {
        e.preventDefault()
        a.newCase()
      } else if (e.key === 'F1' || (e.key === '?' && !isTyping(e.target))) {
        e.preventDefault()
        a.help()
      } else if (
        (e.altKey && e.key === 'ArrowDown') ||
        (key === 'j' && !isTyping(e.target) && !e.ctrlKey && !e.altKey)
      ) {
        e.preventDefault()
        a.step(1)
      } else if (
        (e.altKey && e.key === 'ArrowUp') ||
        (key === 'k' && !isTyping(e.target) && !e.ctrlKey && !e.altKey)
      ) {
        e.preventDefault()
        a.step(-1)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
