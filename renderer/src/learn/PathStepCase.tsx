import { useCaseDoc } from '../case/use-case-doc'
import { CollaborationChart } from '../case/CollaborationChart'
import { MarkdownView } from '../components/MarkdownView'
import { useI18n } from '../i18n/i18n'
import { useGlossary } from '../state/library-context'

/**
 * The case of the current reading-path step, read inside the path: its 協働の4要素 and whole
 * body (glossary terms explained), so a new hire never leaves the path to read a step and
 * comes back to the same place with 前へ/次へ and the progress still in view.
 */
export function PathStepCase({ caseId }: { caseId: string }) {
  const { t } = useI18n()
  const glossary = useGlossary()
  const { doc, error, loading } = useCaseDoc(caseId)
  if (error) return <p className="path-warning">{error.message}</p>
  if (!doc || loading) return <p className="muted">{t('app.loading')}</p>
  return (
    <section className="path-case-body" aria-label={t('learn.path.caseBody')}>
      <CollaborationChart check={doc.meta.collaboration} />
      <MarkdownView
        markdown={doc.body}
        caseId={caseId}
        label={t('case.body')}
        glossary={glossary}
      />
    </section>
  )
}
