import { useCallback, useRef, useState } from 'react'
import type { CaseMeta } from '../../common/model'
import { api } from './api'
import { CaseList } from './components/CaseList'
import { FilterChips } from './components/FilterChips'
import { HelpDialog } from './components/HelpDialog'
import { SaveSearchDialog } from './components/SaveSearchDialog'
import { SearchSuggestion } from './components/SearchSuggestion'
import { Sidebar } from './components/Sidebar'
import { SkipLinks } from './components/SkipLinks'
import { TopBar } from './components/TopBar'
import { DetailPane } from './DetailPane'
import { NotifyProvider, useNotify } from './hooks/notify'
import { I18nProvider, useI18n } from './i18n/i18n'
import { LeaveGuardProvider } from './routing/leave-guard'
import { navigate, useRoute } from './routing/use-route'
import { LibraryProvider, useLibraryState } from './state/library-context'
import { filterFromQuery } from './state/filter-from-query'
import { useCaseListing } from './state/use-case-listing'
import { useDecks } from './state/use-decks'
import { useIndexProgress } from './state/use-index-progress'
import { useSavedSearches } from './state/use-saved-searches'
import { useShortcuts } from './use-shortcuts'
import { SyncButton } from './sync/SyncButton'
import { useSyncStatus } from './sync/use-sync-status'

/** The window's providers (language, leave guard, notifier, open library), then the shell. */
export function App() {
  return (
    <I18nProvider>
      <LeaveGuardProvider>
        <NotifyProvider>
          <LibraryProvider>
            <Shell />
          </LibraryProvider>
        </NotifyProvider>
      </LeaveGuardProvider>
    </I18nProvider>
  )
}

/** Screens that take the whole width (no list beside them). */
const FULL_PAGE_ROUTES = [
  'trash',
  'settings',
  'decks',
  'deck',
  'learn',
  'guide',
  'kyodo',
  'path',
  'exchange',
  'conflicts',
]

function Shell() {
  const { t } = useI18n()
  const notify = useNotify()
  const route = useRoute()
  const library = useLibraryState()
  const listing = useCaseListing(route)
  const { filter, setFilter, setSort, query, search, visible } = listing
  const [helpOpen, setHelpOpen] = useState(false)
  const [savingSearch, setSavingSearch] = useState(false)
  const searchBox = useRef<HTMLInputElement>(null)
  const saved = useSavedSearches()
  const decks = useDecks()
  const indexProgress = useIndexProgress()
  const sync = useSyncStatus()
  const selectedId = route.name === 'case' || route.name === 'edit' ? route.id : undefined

  const removeCase = useCallback(
    async (meta: CaseMeta) => {
      const result = await api.call('cases.remove', meta.id)
      if (!result.ok) return notify(result.error.message)
      navigate({ name: 'list' })
      notify(t('case.deleted', { title: meta.title }), {
        label: t('case.undo'),
        run: () =>
          void api.call('cases.restore', meta.id).then((r) => {
            if (r.ok) navigate({ name: 'case', id: meta.id })
            else notify(r.error.message)
          }),
      })
    },
    [notify, t],
  )

  useShortcuts({
    focusSearch: () => searchBox.current?.focus(),
    newCase: () => navigate({ name: 'new' }),
    help: () => setHelpOpen(true),
    step: (delta) => {
      if (visible.length === 0 || route.name === 'edit' || route.name === 'new') return
      const index = visible.findIndex((c) => c.id === selectedId)
      const next = visible[Math.min(visible.length - 1, Math.max(0, index < 0 ? 0 : index + delta))]
      if (next) navigate({ name: 'case', id: next.id })
    },
  })

  const editing = route.name === 'edit' || route.name === 'new'
  const fullPage = editing || FULL_PAGE_ROUTES.includes(route.name)
  // The open library, once it has loaded; null while loading or after a failure.
  const info = library.status === 'ready' ? library.info : null

  return (
    <div className="app">
      <SkipLinks showList={!fullPage && library.status === 'ready'} />
      <TopBar
        route={route}
        searchText={filter.text ?? ''}
        onSearchText={listing.setText}
        onSearchSubmit={listing.submitText}
        searchBox={searchBox}
        sync={<SyncButton sync={sync} />}
        onHelp={() => setHelpOpen(true)}
      />
      {library.status === 'error' && route.name !== 'settings' ? (
        <main id="main-content" className="page">
          <div className="empty-state" role="alert">
            <h1>{t('error.libraryUnavailable')}</h1>
            <p>{library.error?.message}</p>
            <p>{t('error.libraryHelp')}</p>
            <button type="button" className="button primary" onClick={library.reload}>
              {t('error.retry')}
            </button>{' '}
            <a className="button" href="#/settings">
              {t('nav.settings')}
            </a>
          </div>
        </main>
      ) : !info && route.name !== 'settings' ? (
        <main id="main-content" className="page">
          <p className="muted">{t('app.loading')}</p>
        </main>
      ) : (
        // Settings is shown while the library still loads (or failed to) in this same place, so
        // that it is not mounted again when the library arrives: what was typed stays.
        <div
          className={`panes${editing ? ' editing' : !info ? ' single' : fullPage ? ' full' : ''}`}
        >
          {!editing && info && (
            <Sidebar
              info={info}
              facets={listing.facets}
              total={library.cases.length}
              filter={filter}
              onFilter={setFilter}
              savedSearches={saved.searches}
              decks={decks}
              onOpenSaved={(s) => {
                setFilter(filterFromQuery(s.query, library.info?.partnerTypes))
                setSort('relevance')
                navigate({ name: 'list' })
              }}
              onRemoveSaved={(s) => void api.call('searches.remove', s.id).then(saved.reload)}
            />
          )}
          {!fullPage && info && (
            <CaseList
              cases={visible}
              totalCount={library.cases.length}
              damaged={library.damaged}
              partnerTypes={info.partnerTypes}
              selectedId={selectedId}
              sort={listing.sort}
              onSort={setSort}
              header={
                <>
                  <FilterChips
                    filter={filter}
                    partnerTypes={info.partnerTypes}
                    onFilter={setFilter}
                  />
                  {search.result && search.query === query && (
                    <SearchSuggestion
                      text={filter.text ?? ''}
                      found={search.result.total}
                      onSearch={listing.setText}
                    />
                  )}
                </>
              }
              search={
                query && search.result
                  ? {
                      hits: listing.hits,
                      ms: search.result.ms,
                      onSave: () => setSavingSearch(true),
                    }
                  : undefined
              }
            />
          )}
          <main id="main-content" className="detail" tabIndex={-1}>
            <DetailPane
              route={route}
              searchText={filter.text ?? ''}
              onDelete={(m) => void removeCase(m)}
            />
          </main>
        </div>
      )}
      {indexProgress && (
        <div className="index-progress" role="status">
          {t('search.indexing', indexProgress)}
          <progress max={indexProgress.total} value={indexProgress.done} />
        </div>
      )}
      {search.error && (
        <div className="banner error">{t('search.failed', { reason: search.error.message })}</div>
      )}
      {savingSearch && (
        <SaveSearchDialog
          query={query}
          onClose={() => setSavingSearch(false)}
          onSave={(name) =>
            void api.call('searches.save', { name, query }).then((r) => {
              setSavingSearch(false)
              notify(r.ok ? t('search.saved', { name }) : r.error.message)
              saved.reload()
            })
          }
        />
      )}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
    </div>
  )
}
