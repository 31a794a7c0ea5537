import type { ReactNode, RefObject } from 'react'
import { useI18n } from '../i18n/i18n'
import type { Route } from '../routing/route'

interface Props {
  route: Route
  searchText: string
  onSearchText(text: string): void
  /** Enter in the search box: filters typed as `field:value` become chips. */
  onSearchSubmit?(): void
  searchBox: RefObject<HTMLInputElement | null>
  onHelp(): void
  /** The sync button with its status, when the app has one (shown before the navigation). */
  sync?: ReactNode
}

/** The bar at the top: the app's name, the search box and the main navigation. */
export function TopBar({
  route,
  searchText,
  onSearchText,
  onSearchSubmit,
  searchBox,
  onHelp,
  sync,
}: Props) {
  const { t } = useI18n()
  const current = (...names: Route['name'][]) =>
    names.includes(route.name) ? ('page' as const) : undefined
  return (
    <header className="topbar">
      <a className="brand" href="#/">
        {t('app.title')}
      </a>
      <form
        role="search"
        className="search"
        onSubmit={(e) => {
          e.preventDefault()
          onSearchSubmit?.()
        }}
      >
        <label htmlFor="search-box" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-box"
          ref={searchBox}
          type="search"
          value={searchText}
          placeholder={t('search.placeholder')}
          onChange={(e) => onSearchText(e.target.value)}
          title={t('search.syntaxHelp')}
        />
      </form>
      {sync}
      <nav aria-label={t('nav.main')} className="topnav">
        <a className="button primary" href="#/new">
          ＋ {t('nav.new')}
        </a>
        <a href="#/learn" aria-current={current('learn', 'guide', 'kyodo', 'path')}>
          {t('nav.learn')}
        </a>
        <a href="#/decks" aria-current={current('decks', 'deck')}>
          {t('nav.decks')}
        </a>
        <a href="#/exchange" aria-current={current('exchange')}>
          {t('nav.exchange')}
        </a>
        <a href="#/trash" aria-current={current('trash')}>
          {t('nav.trash')}
        </a>
        <a href="#/settings" aria-current={current('settings')}>
          {t('nav.settings')}
        </a>
        <button type="button" className="link-button" onClick={onHelp}>
          {t('nav.help')}
        </button>
      </nav>
    </header>
  )
}
