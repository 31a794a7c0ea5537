import { useCallback, useEffect, useRef, useState } from 'react'
import type { AttachmentInfo, CaseDoc, CaseMetaInput, PartnerType } from '../../../common/model'
import { caseBodyTemplate } from '../../../common/body-template'
import { api } from '../api'
import { MarkdownView } from '../components/MarkdownView'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from '../hooks/save-state'
import { useFileDrop } from '../hooks/use-file-drop'
import { useSaveShortcut } from '../hooks/use-save-shortcut'
import { useUnsavedGuard } from '../hooks/use-unsaved-guard'
import { navigate } from '../routing/use-route'
import { AttachmentPanel, readAsBase64 } from './AttachmentPanel'
import { BodyEditor, type BodyEditorHandle } from './BodyEditor'
import { CollaborationPanel } from './CollaborationPanel'
import { ConflictDialog } from './ConflictDialog'
import {
  draftFromMeta,
  emptyDraft,
  errorsFromIssues,
  validateDraft,
  type FieldErrors,
  type MetaDraft,
} from './meta-draft'
import { MetaForm } from './MetaForm'
import { useNotify } from '../hooks/notify'
import { useLibraryInfo } from '../state/library-context'
import { DraftBanner } from './DraftBanner'
import { draftKey, dropDraft, keepDraft, readDraft, type LocalDraft } from './local-draft'

interface Props {
  /** The case to edit, or null for a new case. */
  id: string | null
  partnerTypes: PartnerType[]
  /** The library's frequent tags, offered while typing tags. */
  tagSuggestions: string[]
}

/**
 * The editor: metadata form, CodeMirror body with live preview, attachments. Ctrl+S saves;
 * leaving with unsaved changes asks first; a save that meets a newer version on disk opens the
 * conflict dialog instead of overwriting. A failed save keeps everything the user typed.
 */
export function CaseEditor({ id, partnerTypes, tagSuggestions }: Props) {
  const notify = useNotify()
  const { t } = useI18n()
  const [base, setBase] = useState<CaseDoc | null>(null)
  // A new case starts with no partner type ticked: validation asks for one (a default would be
  // saved unnoticed as 地域・自治会).
  const [draft, setDraft] = useState<MetaDraft>(() => emptyDraft(undefined))
  const [body, setBody] = useState(() => (id ? '' : caseBodyTemplate()))
  const [snapshot, setSnapshot] = useState<string | null>(
    id ? null : JSON.stringify([emptyDraft(undefined), caseBodyTemplate()]),
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const [conflict, setConflict] = useState<CaseDoc | null>(null)
  const [attachments, setAttachments] = useState<AttachmentInfo[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const editor = useRef<BodyEditorHandle>(null)
  const libraryPath = useLibraryInfo()?.path
  const localKey = libraryPath === undefined ? null : draftKey(libraryPath, id)
  // The draft kept for this library and case, read again whenever the key changes (during
  // render, React's pattern for state derived from a prop).
  const [storedFor, setStoredFor] = useState<{ key: string | null; draft: LocalDraft | null }>({
    key: null,
    draft: null,
  })
  if (storedFor.key !== localKey)
    setStoredFor({ key: localKey, draft: localKey ? readDraft(localKey) : null })
  const stored = storedFor.draft
  const setStored = (draft: LocalDraft | null) => setStoredFor({ key: localKey, draft })
  const [restoredBase, setRestoredBase] = useState<number | null>(null)

  const adopt = useCallback((doc: CaseDoc) => {
    const nextDraft = draftFromMeta(doc.meta)
    setBase(doc)
    setDraft(nextDraft)
    setBody(doc.body)
    setSnapshot(JSON.stringify([nextDraft, doc.body]))
  }, [])

  useEffect(() => {
    if (!id) return
    void api
      .call('cases.get', id)
      .then((r) => (r.ok ? adopt(r.value) : setLoadError(r.error.message)))
    void api.call('attachments.list', id).then((r) => r.ok && setAttachments(r.value.attachments))
  }, [id, adopt])

  const dirty = snapshot !== null && JSON.stringify([draft, body]) !== snapshot
  // A change to this case on disk by someone else (shared drive, another editor): say so and let
  // the user choose; neither version is overwritten behind their back.
  const [external, setExternal] = useState<CaseDoc | null>(null)
  const baseRevision = useRef<number | null>(null)
  useEffect(() => {
    baseRevision.current = base?.meta.revision ?? null
  })
  useEffect(() => {
    if (!id) return
    return api.onEvent((event) => {
      if (event.type !== 'library.changed' || !event.external || !event.ids.includes(id)) return
      void api.call('cases.get', id).then((r) => {
        if (!r.ok || r.value.meta.revision === baseRevision.current) return
        // Never swapped silently: the user may be about to type; saving will still compare.
        setExternal(r.value)
      })
    })
  }, [id, adopt])
  const { release: releaseGuard } = useUnsavedGuard(dirty, t('editor.leaveConfirm'))

  const write = useCallback(
    async (meta: CaseMetaInput, baseRevision: number | null) => {
      setSaveState({ kind: 'saving' })
      const result =
        id && baseRevision !== null
          ? await api.call('cases.save', { id, meta, body, baseRevision })
          : await api.call('cases.create', { meta, body })
      if (result.ok) {
        adopt(result.value)
        if (localKey) dropDraft(localKey)
        setStoredFor({ key: localKey, draft: null })
        setRestoredBase(null)
        setSaveState({ kind: 'saved' })
        if (!id) {
          releaseGuard()
          navigate({ name: 'edit', id: result.value.meta.id })
        }
        return
      }
      const { error } = result
      if (error.code === 'conflict' && error.current) {
        // The dialog now decides against the version on disk; the draft's old base is spent.
        setRestoredBase(null)
        setConflict(error.current)
        setSaveState({ kind: 'idle' })
      } else {
        if (error.issues) setErrors(errorsFromIssues(error.issues))
        // Not the user's input but the way to the library failed: keep the edit on this computer
        // too, so that a reload or a closed window does not lose it.
        const kept =
          error.code === 'io' &&
          localKey !== null &&
          keepDraft(localKey, { draft, body, baseRevision })
        const message = t('editor.saveFailed', { reason: error.message })
        setSaveState({ kind: 'failed', message: kept ? `${message} ${t('draft.kept')}` : message })
      }
    },
    [id, body, draft, adopt, t, releaseGuard, localKey, setStoredFor, setRestoredBase],
  )

  const save = useCallback(() => {
    const checked = validateDraft(draft)
    if (checked.errors) {
      setErrors(checked.errors)
      setSaveState({
        kind: 'failed',
        message: t('editor.invalid', { n: Object.keys(checked.errors).length }),
      })
      return
    }
    setErrors({})
    // A restored draft is saved against the revision it was written on: when the case has moved
    // on since, the save meets a conflict and the user chooses, instead of overwriting silently.
    void write(checked.input, restoredBase ?? base?.meta.revision ?? null)
  }, [draft, base, write, t, restoredBase])

  useSaveShortcut(save)

  const addFiles = async (files: File[]) => {
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

  const drop = useFileDrop((files) => void addFiles(files), id !== null)

  if (loadError)
    return (
      <div className="empty-state" role="alert">
        <p>{loadError}</p>
      </div>
    )
  if (id && !base) return <p className="muted pad">{t('app.loading')}</p>

  return (
    <div className={`editor${drop.dragging ? ' dragging' : ''}`} {...drop.handlers}>
      <header className="editor-header">
        <h1>{id ? t('editor.editTitle') : t('editor.newTitle')}</h1>
        <span className="save-state" role="status">
          {saveState.kind === 'saving' && t('editor.saving')}
          {saveState.kind === 'saved' && !dirty && t('editor.saved')}
          {dirty && saveState.kind !== 'saving' && t('editor.unsaved')}
        </span>
        <a className="button" href={id ? `#/case/${id}` : '#/'}>
          {dirty ? t('editor.cancel') : t('editor.close')}
        </a>
        <button
          type="button"
          className="button primary"
          onClick={save}
          disabled={saveState.kind === 'saving'}
        >
          {t('editor.save')}
        </button>
      </header>
      {saveState.kind === 'failed' && (
        <div className="banner error" role="alert">
          {saveState.message}{' '}
          <button type="button" className="button small" onClick={save}>
            {t('editor.retry')}
          </button>
        </div>
      )}
      {stored && saveState.kind !== 'failed' && (
        <DraftBanner
          stored={stored}
          onRestore={() => {
            setDraft(stored.draft)
            setBody(stored.body)
            if (id) setRestoredBase(stored.baseRevision)
            setStored(null)
          }}
          onDiscard={() => {
            if (localKey) dropDraft(localKey)
            setStored(null)
          }}
        />
      )}
      {external && (
        <div className="banner error" role="alert">
          {t('external.changed', { n: external.meta.revision })}{' '}
          <button
            type="button"
            className="button small"
            onClick={() => {
              adopt(external)
              setExternal(null)
            }}
          >
            {t('external.reload')}
          </button>{' '}
          <button type="button" className="button small" onClick={() => setExternal(null)}>
            {t('external.keep')}
          </button>
        </div>
      )}
      <div className="editor-columns">
        <div className="editor-form">
          <MetaForm
            draft={draft}
            errors={errors}
            partnerTypes={partnerTypes}
            tagSuggestions={tagSuggestions}
            onChange={setDraft}
          />
          <CollaborationPanel
            value={draft.collaboration}
            errors={errors}
            onChange={(collaboration) => setDraft({ ...draft, collaboration })}
          />
          <AttachmentPanel
            caseId={id}
            attachments={attachments}
            busy={saveState.kind === 'saving'}
            onAdd={(files) => void addFiles(files)}
            onInsert={(name) => editor.current?.insert(`![${name}](attachments/${name})`)}
            onRemove={(name) =>
              void api.call('attachments.remove', id!, name).then((r) => {
                if (r.ok) setAttachments((list) => list.filter((a) => a.name !== name))
                else notify(r.error.message)
              })
            }
          />
        </div>
        <div className="editor-body">
          <h2 className="section-label">{t('editor.bodyLabel')}</h2>
          <BodyEditor ref={editor} value={body} label={t('editor.bodyLabel')} onChange={setBody} />
        </div>
        <div className="editor-preview">
          <h2 className="section-label">{t('editor.preview')}</h2>
          <MarkdownView markdown={body} caseId={id ?? undefined} label={t('editor.preview')} />
        </div>
      </div>
      {conflict && (
        <ConflictDialog
          mine={{ title: draft.title, body }}
          theirs={conflict}
          onCancel={() => setConflict(null)}
          onReload={() => {
            adopt(conflict)
            setConflict(null)
          }}
          onOverwrite={() => {
            const checked = validateDraft(draft)
            setConflict(null)
            if (checked.input) void write(checked.input, conflict.meta.revision)
          }}
          onKeepCopy={() => {
            const checked = validateDraft(draft)
            setConflict(null)
            if (!checked.input) return
            void api
              .call('cases.create', {
                meta: {
                  ...checked.input,
                  title: t('conflict.copyTitle', { title: checked.input.title }),
                },
                body,
              })
              .then((r) => {
                if (!r.ok)
                  return setSaveState({
                    kind: 'failed',
                    message: t('editor.saveFailed', { reason: r.error.message }),
                  })
                releaseGuard()
                setSnapshot(JSON.stringify([draft, body]))
                navigate({ name: 'case', id: r.value.meta.id })
              })
          }}
        />
      )}
    </div>
  )
}
