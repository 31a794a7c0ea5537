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
import { I18nProvider, useI18n } from './i18n/i18n'
import { navigate, useRoute } from './routing/use-route'
import { matchesFilter, sortCases, type CaseFilter, type CaseSort } from './state/case-filter'
import { useLibrary } from './state/use-library'
import { useShortcuts } from './use-shortcuts'

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
    setFilter((f) => ({ ...f, text: route.query || undefined }))
  }

  const visible = useMemo(
    () =>
      sortCases(
        library.cases.filter((c) => matchesFilter(c, filter)),
        sort,
      ),
    [library.cases, filter, sort],
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
  const fullPage = editing || route.name === 'trash' || route.name === 'settings'

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
            onChange={(e) => setFilter({ ...filter, text: e.target.value || undefined })}
          />
        </form>
        <nav aria-label={t('nav.main')} className="topnav">
          <a className="button primary" href="#/new">
            ＋ {t('nav.new')}
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
            <SettingsView info={null} notify={notify} />
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
              cases={library.cases}
              filter={filter}
              onFilter={setFilter}
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
            />
          )}
          <main id="main-content" className="detail" tabIndex={-1}>
            {route.name === 'case' && (
              <CaseView
                id={route.id}
                partnerTypes={library.info.partnerTypes}
                cases={library.cases}
                onDelete={(m) => void removeCase(m)}
              />
            )}
            {editing && (
              <CaseEditor
                key={route.name === 'edit' ? route.id : 'new'}
                id={route.name === 'edit' ? route.id : null}
                partnerTypes={library.info.partnerTypes}
                notify={notify}
              />
            )}
            {route.name === 'trash' && <TrashView notify={notify} />}
            {route.name === 'settings' && <SettingsView info={library.info} notify={notify} />}
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
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
  )
}
