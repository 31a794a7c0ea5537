import type { CaseDoc } from '../../../common/model'
import { Dialog } from '../components/Dialog'
import { useI18n } from '../i18n/i18n'

interface Props {
  mine: { title: string; body: string }
  theirs: CaseDoc
  /** Another program changed the files without a new revision (an editor, a sync tool). */
  outside?: boolean
  onReload(): void
  onOverwrite(): void
  onKeepCopy(): void
  onCancel(): void
}

/** Both versions side by side, and the three ways out; none of them loses either version. */
export function ConflictDialog({
  mine,
  theirs,
  outside = false,
  onReload,
  onOverwrite,
  onKeepCopy,
  onCancel,
}: Props) {
  const { t } = useI18n()
  return (
    <Dialog title={t(outside ? 'conflict.outsideTitle' : 'conflict.title')} onClose={onCancel} wide>
      <p>{t(outside ? 'conflict.outsideBody' : 'conflict.body')}</p>
      <div className="conflict-columns">
        <section aria-label={t('conflict.mine')}>
          <h3>{t('conflict.mine')}</h3>
          <p className="conflict-title">{mine.title}</p>
          <pre className="conflict-body">{mine.body}</pre>
        </section>
        <section aria-label={t('conflict.theirs', { n: theirs.meta.revision })}>
          <h3>{t('conflict.theirs', { n: theirs.meta.revision })}</h3>
          <p className="conflict-title">{theirs.meta.title}</p>
          <pre className="conflict-body">{theirs.body}</pre>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onReload}>
          {t('conflict.reload')}
        </button>
        <button type="button" className="button" onClick={onKeepCopy}>
          {t('conflict.keepCopy')}
        </button>
        <button type="button" className="button danger" onClick={onOverwrite}>
          {t('conflict.overwrite')}
        </button>
        <button type="button" className="button primary" onClick={onCancel}>
          {t('conflict.cancel')}
        </button>
      </div>
    </Dialog>
  )
}
