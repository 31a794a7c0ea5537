import { useState, type DragEvent } from 'react'

/**
 * Files dropped from the desktop onto an area (attachments onto the editor, notes onto the
 * import screen): `dragging` while they hover, `onFiles` when they land. Only drags that carry
 * files are taken, so text dragged inside the page still works.
 */
export function useFileDrop(onFiles: (files: File[]) => void, enabled = true) {
  const [dragging, setDragging] = useState(false)
  const handlers = {
    onDragOver(e: DragEvent) {
      if (!enabled || !e.dataTransfer.types.includes('Files')) return
      e.preventDefault()
      setDragging(true)
    },
    onDragLeave() {
      setDragging(false)
    },
    onDrop(e: DragEvent) {
      if (!enabled) return
      e.preventDefault()
      setDragging(false)
      onFiles([...e.dataTransfer.files])
    },
  }
  return { dragging, handlers }
}
