import { useEffect, useState, type RefObject } from 'react'
import type { AttachmentInfo } from '../../../common/model'
import { api } from '../api'
import { useNotify } from '../hooks/notify'
import { readAsBase64 } from './AttachmentPanel'
import type { BodyEditorHandle } from './BodyEditor'

/**
 * The attachments of the case being edited: loaded with it, added from a picker or a drop (an
 * image also gets a Markdown link at the cursor), removed on request. A new case has none yet.
 */
export function useCaseAttachments(id: string | null, editor: RefObject<BodyEditorHandle | null>) {
  const notify = useNotify()
  const [attachments, setAttachments] = useState<AttachmentInfo[]>([])
  useEffect(() => {
    if (!id) return
    void api.call('attachments.list', id).then((r) => r.ok && setAttachments(r.value.attachments))
  }, [id])

  const add = async (files: File[]) => {
    if (!id) return
    for (const file of files) {
      const result = await api.call('attachments.add', {
        caseId: id,
        name: file.name,
        dataBase64: await readAsBase64(file),
      })
      if (!result.ok) notify(result.error.message)
      else {
        setAttachments((list) => [...list, result.value])
        if (/\.(png|jpe?g|gif|webp)$/i.test(result.value.name))
          editor.current?.insert(`\n![${result.value.name}](attachments/${result.value.name})\n`)
      }
    }
  }
  const remove = (name: string) => {
    if (!id) return
    void api.call('attachments.remove', id, name).then((r) => {
      if (r.ok) setAttachments((list) => list.filter((a) => a.name !== name))
      else notify(r.error.message)
    })
  }
  return { attachments, add, remove }
}
