import { useMemo } from 'react'
import { COLLABORATION_ELEMENTS, type CaseMeta, type LibraryInfo } from '../../../common/model'
import {
  bestExamples,
  isChecked,
  isFullCollaboration,
  notesByElement,
  type ElementNote,
} from '../../../common/learn/collaboration'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { ElementAverages } from './ElementAverages'
import { NominalLessons } from './NominalLessons'
import './learn-common.css'
import './dashboard.css'
import './kyodo.css'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

interface Props {
  info: LibraryInfo
  cases: CaseMeta[]
}

/** The reading path shipped with the sample library; linked only where the library has it. */
const KYODO_PATH_ID = 'kyodo-4yoso'

const searchHref = (query: string) => `#/search?q=${encodeURIComponent(query)}`

/**
 * `#/learn/kyodo` 「協働とは」: the four elements of 協働, each with its best example and every note
 * written about it, the average per element by partner type, and the 名ばかり連携 lesson.
 */
export function KyodoPage({ info, cases }: Props) {
  const { t } = useI18n()
  const checked = useMemo(() => cases.filter(isChecked), [cases])
  const best = useMemo(() => bestExamples(checked), [checked])
  const notes = useMemo(() => notesByElement(checked), [checked])
  const full = checked.filter((c) => isFullCollaboration(c.collaboration)).length
  const hasPath = useHasPath(KYODO_PATH_ID)

  return (
    <div className="learn-page kyodo-page">
      <header className="learn-hero">
        <a className="guide-back" href="#/learn">
          ← {t('learn.back')}
        </a>
        <h1>{t('kyodo.page.title')}</h1>
        <p className="learn-lead">{t('kyodo.page.lead')}</p>
        {checked.length > 0 && (
          <p className="kyodo-summary">
            {t('kyodo.page.checked', { n: checked.length, full })}{' '}
            <a href={searchHref('elem:all>=4')}>{t('kyodo.page.fullSearch')}</a>
            {hasPath && (
              <>
                {' ・ '}
                <a href={`#/paths/${KYODO_PATH_ID}`}>{t('kyodo.page.path')}</a>
              </>
            )}
          </p>
        )}
      </header>

      {checked.length === 0 ? (
        <p className="learn-empty">{t('kyodo.page.none')}</p>
      ) : (
        <>
          <ol className="kyodo-elements learn-section">
            {COLLABORATION_ELEMENTS.map((element, i) => (
              <li
                key={element}
                className="kyodo-element"
                aria-labelledby={`kyodo-${element}`}
                data-element={element}
              >
                <h2 id={`kyodo-${element}`}>
                  <span className="kyodo-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {t(`kyodo.element.${element}`)}
                </h2>
                <p className="kyodo-question">{t(`kyodo.question.${element}`)}</p>
                <Example example={best[element]} />
                <a className="kyodo-more" href={searchHref(`elem:${element}>=4`)}>
                  {t('kyodo.page.elementSearch')}
                </a>
                {notes[element].length > 0 && (
                  <details className="kyodo-notes">
                    <summary>{t('kyodo.page.notes', { n: notes[element].length })}</summary>
                    <ul>
                      {notes[element].map((note) => (
                        <li key={note.caseId}>
                          <span className="kyodo-note-score">
                            {t('kyodo.score', { score: note.score })}
                          </span>{' '}
                          {note.note} <a href={`#/case/${note.caseId}`}>{note.title}</a>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ol>

          <section className="learn-section" aria-labelledby="kyodo-by-type">
            <h2 id="kyodo-by-type">{t('kyodo.page.byType')}</h2>
            <p className="muted">{t('kyodo.page.byType.help')}</p>
            <ElementAverages cases={checked} types={info.partnerTypes} />
          </section>
        </>
      )}

      <NominalLessons />
    </div>
  )
}

function Example({ example }: { example: ElementNote | undefined }) {
  const { t } = useI18n()
  if (!example) return <p className="muted">{t('kyodo.page.noExample')}</p>
  return (
    <figure className="kyodo-example">
      <figcaption>
        {t('kyodo.page.example', { score: example.score })}
        <a href={`#/case/${example.caseId}`}>{example.title}</a>
      </figcaption>
      <blockquote>{example.note}</blockquote>
    </figure>
  )
}

/** Whether the library has the reading path (a library of one's own may not). */
function useHasPath(id: string): boolean {
  const paths = useApiValue(() => api.call('paths.list'), [], { refreshOn: onLibraryChange })
  return paths.value?.paths.some((p) => p.id === id) ?? false
}
