import type { MouseEvent } from 'react'
import { useI18n } from '../i18n/i18n'

/**
 * The first Tab stops of the window: straight to the case list (its current row) or to the
 * case. They move focus themselves instead of following `#id` links, because the app routes on
 * the URL hash and `#main-content` would replace the route.
 */
export function SkipLinks({ showList }: { showList: boolean }) {
  const { t } = useI18n()
  const jump = (selector: string) => (event: MouseEvent) => {
    event.preventDefault()
    const target = document.querySelector<HTMLElement>(selector)
    target?.focus()
    target?.scrollIntoView?.({ block: 'nearest' })
  }
  return (
    <div className="skip-links">
      {showList && (
        <a className="skip-link" href="#/" onClick={jump('.case-row[tabindex="0"]')}>
          {t('skip.list')}
        </a>
      )}
      <a className="skip-link" href="#/" onClick={jump('#main-content')}>
        {t('app.skipToContent')}
      </a>
    </div>
  )
}
