import { useEffect, useRef } from 'react'

/** Ctrl+S (⌘S on macOS) runs `save` instead of the browser's "save page". */
export function useSaveShortcut(save: () => void): void {
  const latest = useRef(save)
  useEffect(() => {
    latest.current = save
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault()
        latest.current()
      }
    }
    // Capture phase: CodeMirror and inputs must not swallow the shortcut first.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}
