import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react'
import { moveItem, type KeyedItem } from './deck-items'

interface DragState {
  from: number
  over?: number
  hint?: 'before' | 'after'
}

/**
 * Reordering the builder's items: drag and drop (with a before/after hint) and the move
 * buttons, which keep focus on the moved item. `announce` tells screen readers where it went.
 */
export function useItemDrag(
  items: KeyedItem[],
  setItems: (items: KeyedItem[]) => void,
  list: RefObject<HTMLOListElement | null>,
  announce: (moved: KeyedItem, position: number) => void,
) {
  const [drag, setDrag] = useState<DragState | null>(null)
  const pendingFocus = useRef<{ key: number; direction: 'up' | 'down' } | null>(null)

  // Keyboard moves keep focus on the moved item: its move button, or the other one at an end.
  useEffect(() => {
    const target = pendingFocus.current
    if (!target || !list.current) return
    pendingFocus.current = null
    const row = list.current.querySelector(`[data-key="${target.key}"]`)
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"]`)
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${target.direction === 'up' ? 'down' : 'up'}"]`,
    )
    ;(wanted && !wanted.disabled ? wanted : other)?.focus()
  }, [items, list])

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    const next = moveItem(items, from, to)
    if (next === items) return
    const moved = items[from]!
    if (focus) pendingFocus.current = { key: moved.key, direction: focus }
    setItems(next)
    announce(moved, next.indexOf(moved) + 1)
  }

  const half = (e: DragEvent<HTMLLIElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    return e.clientY >= rect.top + rect.height / 2 ? 'after' : 'before'
  }

  /** The drag-and-drop props of the row at `index`. */
  const rowProps = (index: number) => ({
    dragging: drag?.from === index,
    dropHint: drag && drag.over === index && drag.from !== index ? drag.hint : undefined,
    onDragStart: (e: DragEvent<HTMLLIElement>) => {
      e.dataTransfer.effectAllowed = 'move'
      e.dataTransfer.setData('text/plain', String(index))
      setDrag({ from: index })
    },
    onDragOver: (e: DragEvent<HTMLLIElement>) => {
      if (!drag) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
      const hint = half(e)
      if (drag.over !== index || drag.hint !== hint) setDrag({ ...drag, over: index, hint })
    },
    onDrop: (e: DragEvent<HTMLLIElement>) => {
      e.preventDefault()
      if (!drag) return
      let to = half(e) === 'after' ? index + 1 : index
      if (drag.from < to) to -= 1
      setDrag(null)
      move(drag.from, to)
    },
    onDragEnd: () => setDrag(null),
  })

  return { move, rowProps }
}
