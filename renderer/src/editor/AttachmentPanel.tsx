import { useRef } from 'react'
import type { AttachmentInfo } from '../../../common/model'
import { useI18n } from '../i18n/i18n'

interface Props {
  caseId: string | null
  attachments: AttachmentInfo[]
  busy: boolean
  onAdd(files: File[]): void
  onRemove(name: string): void
  onInsert(name: string): void
}

/** Attachments of the case being edited: add by picker (or drop on the editor), insert, remove. */
export function AttachmentPanel({ caseId, attachments, busy, onAdd, onRemove, onInsert }: Props) {
  const { t } = useI18n()
  const picker = useRef<HTMLInputElement>(null)
  if (!caseId) return <p className="muted small">{t('editor.attachFirst')}</p>
  return (
    <section className="attachment-panel" aria-label={t('case.attachments')}>
      <h3>{t('case.attachments')}</h3>
      <p className="muted small">{t('editor.dropHint')}</p>
      <ul className="plain">
        {attachments.map((file) => (
          <li key={file.name} className="attachment-item">
            <span className="attachment-name">{file.name}</span>
            <button type="button" className="link-button" onClick={() => onInsert(file.name)}>
              {t('editor.insertImage')}
            </button>
            <button
              type="button"
              className="link-button danger"
              onClick={() => onRemove(file.name)}
            >
              {t('editor.removeAttachment')}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          onAdd([...(e.target.files ?? [])])
          e.target.value = ''
        }}
      />
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => picker.current?.click()}
      >
        {t('editor.attach')}
      </button>
    </section>
  )
}

/** A File as base64 (without the data: prefix), for the API. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}
