import { useEffect, useRef, useState } from 'react'
import type { DuplicateChoice, ImportPreview, ImportSummary } from '../../../common/model'
import { api } from '../api'
import { downloadFile } from '../components/download'
import { readAsBase64 } from '../editor/AttachmentPanel'
import { useI18n } from '../i18n/i18n'
import './exchange.css'
import { useNotify } from '../hooks/notify'
import { useFileDrop } from '../hooks/use-file-drop'

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; count: number }
  | { kind: 'preview'; preview: ImportPreview; choices: Record<string, DuplicateChoice> }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string }

/** `webkitRelativePath` keeps a picked folder's structure (images next to their notes). */
const pathOf = (file: File) =>
  (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name

/**
 * Import Markdown notes, folders and case packages: files are uploaded and planned first
 * (duplicates and bad files shown, nothing written), then imported with the user's choices, with
 * progress and a summary. Exports of the whole library for handing over, and for reading.
 */
export function ExchangePage() {
  const notify = useNotify()
  const { t } = useI18n()
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.task === 'import') {
          setStep((s) =>
            s.kind === 'running' ? { kind: 'running', done: event.done, total: event.total } : s,
          )
        }
      }),
    [],
  )
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])

  const prepare = async (files: File[]) => {
    if (files.length === 0) return
    setStep({ kind: 'reading', count: files.length })
    const payload = await Promise.all(
      files.map(async (f) => ({ path: pathOf(f), dataBase64: await readAsBase64(f) })),
    )
    const result = await api.call('import.prepare', payload)
    if (!result.ok) return setStep({ kind: 'failed', message: result.error.message })
    const choices = Object.fromEntries(
      result.value.items.map((i) => [
        i.key,
        (i.duplicateOf ? 'skip' : 'keep-both') as DuplicateChoice,
      ]),
    )
    setStep({ kind: 'preview', preview: result.value, choices })
  }

  const run = async (preview: ImportPreview, choices: Record<string, DuplicateChoice>) => {
    setStep({ kind: 'running', done: 0, total: preview.items.length })
    const result = await api.call('import.run', preview.id, choices)
    setStep(
      result.ok
        ? { kind: 'done', summary: result.value }
        : { kind: 'failed', message: result.error.message },
    )
  }

  const exportAll = async (format: 'package' | 'html' | 'xlsx') => {
    const result = await api.call('exchange.export', [], format)
    if (result.ok) downloadFile(result.value)
    else notify(result.error.message)
  }

  const drop = useFileDrop((files) => void prepare(files))

  return (
    <section className="page exchange" aria-labelledby="exchange-title">
      <h1 id="exchange-title">{t('nav.exchange')}</h1>
      <section className="settings-group" aria-labelledby="import-title">
        <h2 id="import-title">{t('import.title')}</h2>
        {(step.kind === 'choose' || step.kind === 'failed') && (
          <div className={`drop-zone${drop.dragging ? ' dragging' : ''}`} {...drop.handlers}>
            <p>{t('import.help')}</p>
            <input
              ref={filesInput}
              type="file"
              multiple
              hidden
              accept=".md,.markdown,.zip,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.pdf"
              onChange={(e) => void prepare([...(e.target.files ?? [])])}
            />
            <input
              ref={folderInput}
              type="file"
              multiple
              hidden
              onChange={(e) => void prepare([...(e.target.files ?? [])])}
            />
            <div className="inline">
              <button
                type="button"
                className="button primary"
                onClick={() => filesInput.current?.click()}
              >
                {t('import.chooseFiles')}
              </button>
              <button type="button" className="button" onClick={() => folderInput.current?.click()}>
                {t('import.chooseFolder')}
              </button>
            </div>
            {step.kind === 'failed' && (
              <p className="field-error" role="alert">
                {step.message}
              </p>
            )}
          </div>
        )}
        {step.kind === 'reading' && <p role="status">{t('import.reading', { n: step.count })}</p>}
        {step.kind === 'preview' && (
          <ImportPreviewView
            preview={step.preview}
            choices={step.choices}
            onChoice={(key, choice) =>
              setStep({ ...step, choices: { ...step.choices, [key]: choice } })
            }
            onRun={() => void run(step.preview, step.choices)}
            onCancel={() => {
              void api.call('import.cancel', step.preview.id)
              setStep({ kind: 'choose' })
            }}
          />
        )}
        {step.kind === 'running' && (
          <div role="status" className="import-progress">
            {t('import.running', { done: step.done, total: step.total })}
            <progress max={step.total} value={step.done} />
          </div>
        )}
        {step.kind === 'done' && (
          <ImportSummaryView summary={step.summary} onAgain={() => setStep({ kind: 'choose' })} />
        )}
      </section>
      <section className="settings-group" aria-labelledby="export-title">
        <h2 id="export-title">{t('export.title')}</h2>
        <p className="muted small">{t('export.help')}</p>
        <div className="inline">
          <button type="button" className="button" onClick={() => void exportAll('package')}>
            {t('export.package')}
          </button>
          <button type="button" className="button" onClick={() => void exportAll('html')}>
            {t('export.html')}
          </button>
          <button type="button" className="button" onClick={() => void exportAll('xlsx')}>
            {t('export.xlsx')}
          </button>
        </div>
      </section>
    </section>
  )
}

interface PreviewProps {
  preview: ImportPreview
  choices: Record<string, DuplicateChoice>
  onChoice(key: string, choice: DuplicateChoice): void
  onRun(): void
  onCancel(): void
}

function ImportPreviewView({ preview, choices, onChoice, onRun, onCancel }: PreviewProps) {
  const { t } = useI18n()
  const duplicates = preview.items.filter((i) => i.duplicateOf).length
  return (
    <div className="import-preview">
      <p role="status">
        {t('import.found', { n: preview.items.length, duplicates, failed: preview.failed.length })}
      </p>
      {preview.items.length > 0 && (
        <table className="edit-table import-table">
          <thead>
            <tr>
              <th scope="col">{t('import.caseTitle')}</th>
              <th scope="col">{t('import.source')}</th>
              <th scope="col">{t('import.duplicate')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.key}>
                <td>
                  {item.title}
                  {item.warnings.map((w, i) => (
                    <div key={i} className="muted small">
                      ⚠ {w}
                    </div>
                  ))}
                </td>
                <td className="small">{item.source}</td>
                <td>
                  {item.duplicateOf ? (
                    <label>
                      <span className="small">
                        {t('import.duplicateOf', { title: item.duplicateOf.title })}
                      </span>
                      <select
                        value={choices[item.key]}
                        onChange={(e) => onChoice(item.key, e.target.value as DuplicateChoice)}
                      >
                        <option value="skip">{t('import.skip')}</option>
                        <option value="replace">{t('import.replace')}</option>
                        <option value="keep-both">{t('import.keepBoth')}</option>
                      </select>
                    </label>
                  ) : (
                    <span className="muted small">{t('import.new')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.failed.length > 0 && <FailedList failed={preview.failed} />}
      <div className="inline">
        <button
          type="button"
          className="button primary"
          onClick={onRun}
          disabled={preview.items.length === 0}
        >
          {t('import.run', { n: preview.items.length })}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </div>
  )
}

function ImportSummaryView({ summary, onAgain }: { summary: ImportSummary; onAgain(): void }) {
  const { t } = useI18n()
  return (
    <div className="import-summary" role="status">
      <p>
        {t('import.summary', {
          imported: summary.imported.length,
          replaced: summary.replaced.length,
          skipped: summary.skipped.length,
          failed: summary.failed.length,
        })}
      </p>
      <ul className="plain">
        {[...summary.imported, ...summary.replaced].map((c) => (
          <li key={c.id}>
            <a href={`#/case/${c.id}`}>{c.title}</a> <span className="muted small">{c.source}</span>
          </li>
        ))}
      </ul>
      {summary.failed.length > 0 && <FailedList failed={summary.failed} />}
      <button type="button" className="button" onClick={onAgain}>
        {t('import.again')}
      </button>
    </div>
  )
}

function FailedList({ failed }: { failed: { source: string; reason: string }[] }) {
  const { t } = useI18n()
  return (
    <details className="damaged-notice" open>
      <summary>{t('import.failed', { n: failed.length })}</summary>
      <ul>
        {failed.map((f, i) => (
          <li key={i}>
            <code>{f.source}</code>: {f.reason}
          </li>
        ))}
      </ul>
    </details>
  )
}
