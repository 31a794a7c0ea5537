import type { CaseMeta } from '../../common/model'
import { CaseView } from './case/CaseView'
import { SettingsView } from './components/SettingsView'
import { TrashView } from './components/TrashView'
import { DeckBuilder } from './decks/DeckBuilder'
import { DecksPage } from './decks/DecksPage'
import { CaseEditor } from './editor/CaseEditor'
import { ExchangePage } from './exchange/ExchangePage'
import { useI18n } from './i18n/i18n'
import { KyodoPage } from './learn/KyodoPage'
import { LearnDashboard } from './learn/LearnDashboard'
import { PartnerGuidePage } from './learn/PartnerGuidePage'
import { PathReader } from './learn/PathReader'
import type { Route } from './routing/route'
import { ConflictsPage } from './sync/ConflictsPage'
import { useLibraryState } from './state/library-context'
import { highlightTerms, localFacets } from './state/search-query'

interface Props {
  route: Route
  /** The search box's text, whose words are highlighted in an opened case. */
  searchText: string
  onDelete(meta: CaseMeta): void
}

/** The main area: whatever the route names, for the open library. */
export function DetailPane({ route, searchText, onDelete }: Props) {
  const { t } = useI18n()
  const library = useLibraryState()
  const cases = library.cases
  // Settings is the one screen shown before the library has loaded (or when it cannot be).
  if (route.name === 'settings')
    return (
      <SettingsView
        info={library.status === 'ready' ? library.info : null}
        tags={localFacets(cases).tags}
      />
    )
  const info = library.info!
  switch (route.name) {
    case 'case':
      return (
        <CaseView
          id={route.id}
          partnerTypes={info.partnerTypes}
          cases={cases}
          highlight={highlightTerms(searchText)}
          onDelete={onDelete}
        />
      )
    case 'edit':
    case 'new':
      return (
        <CaseEditor
          key={route.name === 'edit' ? route.id : 'new'}
          id={route.name === 'edit' ? route.id : null}
          partnerTypes={info.partnerTypes}
          tagSuggestions={localFacets(cases)
            .tags.slice(0, 24)
            .map((f) => f.key)}
        />
      )
    case 'trash':
      return <TrashView />
    case 'decks':
      return <DecksPage />
    case 'exchange':
      return <ExchangePage />
    case 'conflicts':
      return <ConflictsPage />
    case 'deck':
      return <DeckBuilder id={route.id} cases={cases} partnerTypes={info.partnerTypes} />
    case 'learn':
      return <LearnDashboard info={info} cases={cases} />
    case 'kyodo':
      return <KyodoPage info={info} cases={cases} />
    case 'guide':
      return <PartnerGuidePage typeKey={route.key} info={info} />
    case 'path':
      return <PathReader id={route.id} cases={cases} />
    case 'list':
    case 'search':
      return cases.length > 0 ? <p className="empty-state muted">{t('case.select')}</p> : null
    case 'unknown':
      return (
        <div className="empty-state">
          <h1>{t('route.notFound.title')}</h1>
          <p>{t('route.notFound.body')}</p>
          <a href="#/">{t('route.notFound.home')}</a>
        </div>
      )
  }
}
