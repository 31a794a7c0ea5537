import { useI18n } from '../i18n/i18n'
import './kyodo.css'

/** The learn dashboard's way into 「協働とは」 (#/learn/kyodo). */
export function KyodoLink() {
  const { t } = useI18n()
  return (
    <a className="kyodo-link" href="#/learn/kyodo">
      <span className="kyodo-link-title">{t('kyodo.learnLink')}</span>
      <span className="kyodo-link-help">{t('kyodo.learnLink.help')}</span>
      <span className="kyodo-link-go" aria-hidden="true">
        →
      </span>
    </a>
  )
}
