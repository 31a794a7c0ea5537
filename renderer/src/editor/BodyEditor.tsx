import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'

export interface BodyEditorHandle {
  /** Inserts text at the cursor (e.g. an image link to a new attachment). */
  insert(text: string): void
  focus(): void
}

interface Props {
  value: string
  label: string
  onChange(value: string): void
}

/**
 * The Markdown body in CodeMirror 6: history, Markdown highlighting, soft wrapping. Tab is left
 * to the browser so keyboard users can move on; the editor never traps focus.
 */
export const BodyEditor = forwardRef<BodyEditorHandle, Props>(function BodyEditor(
  { value, label, onChange },
  ref,
) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          EditorView.lineWrapping,
          placeholder('## 背景・課題'),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => editor.destroy()
    // The editor is created once; later value changes are applied below without losing history.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
    }
  }, [value])

  useImperativeHandle(ref, () => ({
    insert(text) {
      const editor = view.current
      if (!editor) return
      const { from, to } = editor.state.selection.main
      editor.dispatch({
        changes: { from, to, insert: text },
        selection: { anchor: from + text.length },
      })
      editor.focus()
    },
    focus: () => view.current?.focus(),
  }))

  return <div className="body-editor" ref={host} />
})
