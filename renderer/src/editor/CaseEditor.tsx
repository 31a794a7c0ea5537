import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseDoc, CaseMetaInput, PartnerType } from '../../../common/model'
import { caseBodyTemplate } from '../../../common/body-template'
import { api } from '../api'
import { MarkdownView } from '../components/MarkdownView'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from '../hooks/save-state'
import { useFileDrop } from '../hooks/use-file-drop'
import { useSaveShortcut } from '../hooks/use-save-shortcut'
import { useUnsavedGuard } from '../hooks/use-unsaved-guard'
import { navigate } from '../routing/use-route'
import { AttachmentPanel } from './AttachmentPanel'
import { useCaseAttachments } from './use-case-attachments'
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
import { DraftBanner } from './DraftBanner'
import { ExternalChangeBanner, useExternalChange } from './ExternalChangeBanner'
import { keepDraft } from './local-draft'
import { baseOf, baseOfDraft, draftBaseOf, saveInput, type SaveBase } from './save-base'
import { useLocalDraft } from './use-local-draft'

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
  const [conflict, setConflict] = useState<{ theirs: CaseDoc; outside: boolean } | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const editor = useRef<BodyEditorHandle>(null)
  const local = useLocalDraft(id)
  const localKey = local.key
  const [restoredBase, setRestoredBase] = useState<SaveBase | null>(null)

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
  }, [id, adopt])

  const dirty = snapshot !== null && JSON.stringify([draft, body]) !== snapshot
  // A change to this case on disk by someone else: said, never swapped in behind the user's back.
  const outside = useExternalChange(id, base)
  const { release: releaseGuard } = useUnsavedGuard(dirty, t('editor.leaveConfirm'))

  const write = useCallback(
    async (meta: CaseMetaInput, from: SaveBase | null) => {
      setSaveState({ kind: 'saving' })
      const result =
        id && from
          ? await api.call('cases.save', saveInput(id, meta, body, from))
          : await api.call('cases.create', { meta, body })
      if (result.ok) {
        adopt(result.value)
        local.drop()
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
        // Same revision on disk as the edit's base: another program changed the files.
        setConflict({
          theirs: error.current,
          outside: error.current.meta.revision === from?.revision,
        })
        setSaveState({ kind: 'idle' })
      } else {
        if (error.issues) setErrors(errorsFromIssues(error.issues))
        // Not the user's input but the way to the library failed: keep the edit on this computer
        // too, so that a reload or a closed window does not lose it.
        const kept =
          error.code === 'io' &&
          localKey !== null &&
          keepDraft(localKey, { draft, body, ...draftBaseOf(from) })
        const message = t('editor.saveFailed', { reason: error.message })
        setSaveState({ kind: 'failed', message: kept ? `${message} ${t('draft.kept')}` : message })
      }
    },
    [id, body, draft, adopt, t, releaseGuard, localKey, local, setRestoredBase],
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
    void write(checked.input, restoredBase ?? (base ? baseOf(base) : null))
  }, [draft, base, write, t, restoredBase])

  useSaveShortcut(save)

  const files = useCaseAttachments(id, editor)
  const drop = useFileDrop((dropped) => void files.add(dropped), id !== null)

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
      {local.stored && saveState.kind !== 'failed' && (
        <DraftBanner
          stored={local.stored}
          onRestore={() => {
            setDraft(local.stored!.draft)
            setBody(local.stored!.body)
            if (id) setRestoredBase(baseOfDraft(local.stored!))
            local.hide()
          }}
          onDiscard={local.drop}
        />
      )}
      {outside.external && (
        <ExternalChangeBanner
          external={outside.external}
          onReload={(doc) => {
            adopt(doc)
            outside.dismiss()
          }}
          onKeep={outside.dismiss}
        />
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
            attachments={files.attachments}
            busy={saveState.kind === 'saving'}
            onAdd={(picked) => void files.add(picked)}
            onInsert={(name) => editor.current?.insert(`![${name}](attachments/${name})`)}
            onRemove={files.remove}
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
          theirs={conflict.theirs}
          outside={conflict.outside}
          onCancel={() => setConflict(null)}
          onReload={() => {
            adopt(conflict.theirs)
            setConflict(null)
          }}
          onOverwrite={() => {
            const checked = validateDraft(draft)
            setConflict(null)
            if (checked.input) void write(checked.input, baseOf(conflict.theirs))
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
