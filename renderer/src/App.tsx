import { useCallback, useMemo, useRef, useState } from 'react'
import type { CaseMeta } from '../../preload/contract'
import { api } from './api'
import { CaseView } from './case/CaseView'
import { CaseList } from './components/CaseList'
import { HelpDialog } from './components/HelpDialog'
import { SettingsView } from './components/SettingsView'
import { Sidebar } from './components/Sidebar'
import { Toast, type ToastMessage } from './components/Toast'
import { TrashView } from './components/TrashView'
import { CaseEditor } from './editor/CaseEditor'
import { DeckBuilder } from './decks/DeckBuilder'
import { DecksPage } from './decks/DecksPage'
import { ExchangePage } from './exchange/ExchangePage'
import { I18nProvider, useI18n } from './i18n/i18n'
import { LearnDashboard } from './learn/LearnDashboard'
import { PartnerGuidePage } from './learn/PartnerGuidePage'
import { PathReader } from './learn/PathReader'
import { navigate, useRoute } from './routing/use-route'
import { matchesFilter, sortCases, type CaseFilter, type CaseSort } from './state/case-filter'
import { useIndexProgress } from './state/use-index-progress'
import { useLibrary } from './state/use-library'
import { useSavedSearches } from './state/use-saved-searches'
import { useDecks } from './state/use-decks'
import { useSearch } from './state/use-search'
import { composeQuery, highlightTerms, localFacets } from './state/search-query'
import { SaveSearchDialog } from './components/SaveSearchDialog'
import { useShortcuts } from './use-shortcuts'
import { ConflictsPage } from './sync/ConflictsPage'
import { SyncButton } from './sync/SyncButton'
import { useSyncStatus } from './sync/use-sync-status'

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  )
}

function Shell() {
  const { t } = useI18n()
  const route = useRoute()
  const library = useLibrary()
  const [filter, setFilter] = useState<CaseFilter>({})
  const [sort, setSort] = useState<CaseSort>('updated')
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const searchBox = useRef<HTMLInputElement>(null)
  const notify = useCallback(
    (text: string, action?: ToastMessage['action']) => setToast({ id: Date.now(), text, action }),
    [],
  )
  const dismissToast = useCallback(() => setToast(null), [])

  // A `#/search?q=` link (from another screen, or pasted) sets the search box once per query.
  const [linkedQuery, setLinkedQuery] = useState<string | null>(null)
  if (route.name === 'search' && route.query !== linkedQuery) {
    setLinkedQuery(route.query)
    setFilter({ text: route.query || undefined })
    setSort('relevance')
  }

  const query = composeQuery(filter)
  const search = useSearch(query, sort === 'title' ? 'relevance' : sort, library.generation)
  const saved = useSavedSearches()
  const decks = useDecks()
  const indexProgress = useIndexProgress()
  const sync = useSyncStatus()
  const [savingSearch, setSavingSearch] = useState(false)
  const visible = useMemo(() => {
    const listSort = sort === 'relevance' ? 'updated' : sort
    if (!query) return sortCases(library.cases, listSort)
    if (!search.result)
      return sortCases(
        library.cases.filter((c) => matchesFilter(c, filter)),
        listSort,
      )
    // The engine's order (relevance, 年度 or updated); titles are sorted here.
    const byId = new Map(library.cases.map((c) => [c.id, c]))
    const found = search.result.ids.flatMap((id) => byId.get(id) ?? [])
    return sort === 'title' ? sortCases(found, 'title') : found
  }, [library.cases, filter, sort, query, search.result])
  const facets = useMemo(
    () => (query && search.result ? search.result.facets : localFacets(library.cases)),
    [query, search.result, library.cases],
  )
  const hits = useMemo(
    () => new Map((search.result?.hits ?? []).map((h) => [h.id, h])),
    [search.result],
  )
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
  const fullPage =
    editing ||
    [
      'trash',
      'settings',
      'decks',
      'deck',
      'learn',
      'guide',
      'path',
      'exchange',
      'conflicts',
    ].includes(route.name)

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          {t('app.title')}
        </a>
        <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="search-box" className="visually-hidden">
            {t('search.label')}
          </label>
          <input
            id="search-box"
            ref={searchBox}
            type="search"
            value={filter.text ?? ''}
            placeholder={t('search.placeholder')}
            onChange={(e) => {
              if (!filter.text && e.target.value) setSort('relevance')
              setFilter({ ...filter, text: e.target.value || undefined })
            }}
            title={t('search.syntaxHelp')}
          />
        </form>
        <SyncButton sync={sync} notify={notify} />
        <nav aria-label={t('nav.main')} className="topnav">
          <a className="button primary" href="#/new">
            ＋ {t('nav.new')}
          </a>
          <a
            href="#/learn"
            aria-current={['learn', 'guide', 'path'].includes(route.name) ? 'page' : undefined}
          >
            {t('nav.learn')}
          </a>
          <a
            href="#/decks"
            aria-current={route.name === 'decks' || route.name === 'deck' ? 'page' : undefined}
          >
            {t('nav.decks')}
          </a>
          <a href="#/exchange" aria-current={route.name === 'exchange' ? 'page' : undefined}>
            {t('nav.exchange')}
          </a>
          <a href="#/trash" aria-current={route.name === 'trash' ? 'page' : undefined}>
            {t('nav.trash')}
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
          <button type="button" className="link-button" onClick={() => setHelpOpen(true)}>
            {t('nav.help')}
          </button>
        </nav>
      </header>
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
      ) : library.status === 'loading' || !library.info ? (
        route.name === 'settings' ? (
          <main id="main-content" className="page-scroll">
            <SettingsView info={null} tags={[]} notify={notify} />
          </main>
        ) : (
          <main id="main-content" className="page">
            <p className="muted">{t('app.loading')}</p>
          </main>
        )
      ) : (
        <div className={`panes${editing ? ' editing' : fullPage ? ' full' : ''}`}>
          {!editing && (
            <Sidebar
              info={library.info}
              facets={facets}
              total={library.cases.length}
              filter={filter}
              onFilter={setFilter}
              savedSearches={saved.searches}
              decks={decks}
              onOpenSaved={(s) => {
                setFilter({ text: s.query })
                setSort('relevance')
                navigate({ name: 'list' })
              }}
              onRemoveSaved={(s) => void api.call('searches.remove', s.id).then(saved.reload)}
            />
          )}
          {!fullPage && (
            <CaseList
              cases={visible}
              totalCount={library.cases.length}
              damaged={library.damaged}
              partnerTypes={library.info.partnerTypes}
              selectedId={selectedId}
              sort={sort}
              onSort={setSort}
              search={
                query && search.result
                  ? { hits, ms: search.result.ms, onSave: () => setSavingSearch(true) }
                  : undefined
              }
            />
          )}
          <main id="main-content" className="detail" tabIndex={-1}>
            {route.name === 'case' && (
              <CaseView
                id={route.id}
                partnerTypes={library.info.partnerTypes}
                cases={library.cases}
                highlight={highlightTerms(filter.text ?? '')}
                onDelete={(m) => void removeCase(m)}
                notify={notify}
              />
            )}
            {editing && (
              <CaseEditor
                key={route.name === 'edit' ? route.id : 'new'}
                id={route.name === 'edit' ? route.id : null}
                partnerTypes={library.info.partnerTypes}
                tagSuggestions={localFacets(library.cases)
                  .tags.slice(0, 24)
                  .map((f) => f.key)}
                notify={notify}
              />
            )}
            {route.name === 'trash' && <TrashView notify={notify} />}
            {route.name === 'decks' && <DecksPage notify={notify} />}
            {route.name === 'exchange' && <ExchangePage notify={notify} />}
            {route.name === 'conflicts' && <ConflictsPage notify={notify} />}
            {route.name === 'deck' && (
              <DeckBuilder
                id={route.id}
                cases={library.cases}
                partnerTypes={library.info.partnerTypes}
                notify={notify}
              />
            )}
            {route.name === 'learn' && (
              <LearnDashboard info={library.info} cases={library.cases} notify={notify} />
            )}
            {route.name === 'guide' && (
              <PartnerGuidePage typeKey={route.key} info={library.info} notify={notify} />
            )}
            {route.name === 'path' && (
              <PathReader id={route.id} cases={library.cases} notify={notify} />
            )}
            {route.name === 'settings' && (
              <SettingsView
                info={library.info}
                tags={localFacets(library.cases).tags}
                notify={notify}
              />
            )}
            {(route.name === 'list' || route.name === 'search') && library.cases.length > 0 && (
              <p className="empty-state muted">{t('case.select')}</p>
            )}
            {route.name === 'unknown' && (
              <div className="empty-state">
                <p>{t('case.notFound')}</p>
                <a href="#/">{t('case.back')}</a>
              </div>
            )}
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
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  )
}
