import type { CaseMeta, PartnerType } from '../../../common/model'
import { api } from '../api'
import { MarkdownView } from '../components/MarkdownView'
import { PartnerChip } from '../components/PartnerChip'
import { formatDate } from '../format/dates'
import { useI18n } from '../i18n/i18n'
import { AddToDeckButton } from '../decks/AddToDeckButton'
import { RelatedCases } from '../learn/RelatedCases'
import { HistoryPanel } from '../sync/HistoryPanel'
import { CaseMetaPanel } from './CaseMetaPanel'
import { CasePrintActions } from './CasePrintActions'
import { CollaborationChart } from './CollaborationChart'
import { useCaseDoc } from './use-case-doc'
import { useGlossary } from '../state/library-context'

interface Props {
  id: string
  partnerTypes: PartnerType[]
  cases: CaseMeta[]
  /** Words of the current search, highlighted in the body. */
  highlight?: string[]
  onDelete(meta: CaseMeta): void
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i

/** One case: title, chips, metadata panel, the sanitised body and the attachments. */
export function CaseView({ id, partnerTypes, cases, highlight, onDelete }: Props) {
  const { t, language } = useI18n()
  const { doc, attachments, error, loading } = useCaseDoc(id)
  const glossary = useGlossary()
  if (error) {
    return (
      <div className="empty-state" role="alert">
        <h2>{error.code === 'damaged' ? t('list.damaged', { n: 1 }) : t('case.notFound')}</h2>
        <p>{error.message}</p>
        <a href="#/">{t('case.back')}</a>
      </div>
    )
  }
  if (!doc || loading) return <p className="muted pad">{t('app.loading')}</p>
  const { meta, body } = doc
  const titleOf = (other: string) => cases.find((c) => c.id === other)?.title

  return (
    <article className="case-view" aria-labelledby="case-title">
      <header className="case-header">
        <div className="case-chips">
          {meta.partnerTypes.map((key) => (
            <PartnerChip key={key} typeKey={key} types={partnerTypes} />
          ))}
          {meta.status !== 'published' && (
            <span className={`status-badge ${meta.status}`}>{t(`status.${meta.status}`)}</span>
          )}
        </div>
        <h1 id="case-title">{meta.title}</h1>
        {meta.summary && <p className="case-summary">{meta.summary}</p>}
        <div className="case-actions">
          <span className="muted small">
            {t('case.updated', { date: formatDate(meta.updatedAt, language) })}・
            {t('case.revision', { n: meta.revision })}
          </span>
          <AddToDeckButton caseIds={[meta.id]} />
          <CasePrintActions caseId={meta.id} />
          <a className="button" href={`#/case/${meta.id}/edit`}>
            {t('case.edit')}
          </a>
          <button type="button" className="button danger" onClick={() => onDelete(meta)}>
            {t('case.delete')}
          </button>
        </div>
      </header>
      <div className="case-columns">
        <div className="case-body">
          <CollaborationChart check={meta.collaboration} />
          <MarkdownView
            markdown={body}
            caseId={meta.id}
            label={t('case.body')}
            highlight={highlight}
            glossary={glossary}
          />
          {attachments.length > 0 && (
            <section className="attachments" aria-label={t('case.attachments')}>
              <h2>{t('case.attachments')}</h2>
              <ul className="attachment-grid">
                {attachments.map((file) => (
                  <li key={file.name}>
                    {IMAGE.test(file.name) ? (
                      <figure>
                        <img
                          src={api.attachmentUrl(meta.id, file.name)}
                          alt={file.name}
                          loading="lazy"
                        />
                        <figcaption>{file.name}</figcaption>
                      </figure>
                    ) : (
                      <a
                        href={api.attachmentUrl(meta.id, file.name)}
                        download={file.name}
                        onClick={(e) => {
                          if (!window.confirm(t('case.openAttachmentConfirm', { name: file.name })))
                            e.preventDefault()
                        }}
                      >
                        {file.name}（{Math.ceil(file.size / 1024)} KB）
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div className="case-side">
          <CaseMetaPanel meta={meta} partnerTypes={partnerTypes} titleOf={titleOf} />
          <RelatedCases caseId={meta.id} />
          <HistoryPanel caseId={meta.id} revision={meta.revision} />
        </div>
      </div>
    </article>
  )
}
