import type { NominalLesson } from '../../../common/model'
import { api } from '../api'
import { MarkdownView } from '../components/MarkdownView'
import { useI18n } from '../i18n/i18n'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

/**
 * 「名ばかり連携」: the cases whose ownership or shared goal scored 2 or lower, each with the low
 * elements and its own 苦労と教訓 (read by main from the bodies; rendered sanitised like any body).
 */
export function NominalLessons() {
  const { t } = useI18n()
  const loaded = useApiValue(() => api.call('learn.nominal'), [], { refreshOn: onLibraryChange })
  const lessons: NominalLesson[] | null = loaded.value?.lessons ?? null
  const error = loaded.error?.message ?? null

  return (
    <section className="learn-section" aria-labelledby="kyodo-nominal">
      <h2 id="kyodo-nominal">{t('kyodo.nominal.title')}</h2>
      <p className="muted">{t('kyodo.nominal.help')}</p>
      {error && <p role="alert">{t('kyodo.nominal.failed', { reason: error })}</p>}
      {!error && !lessons && <p className="muted">{t('app.loading')}</p>}
      {lessons?.length === 0 && <p className="learn-empty">{t('kyodo.nominal.none')}</p>}
      {lessons && lessons.length > 0 && (
        <ul className="tip-cards lessons nominal-lessons">
          {lessons.map((lesson) => (
            <li key={lesson.caseId} className="tip-card">
              <a className="tip-source" href={`#/case/${lesson.caseId}`}>
                {lesson.title}
              </a>
              <p className="nominal-low">
                {t('kyodo.nominal.low', {
                  elements: lesson.low
                    .map(
                      (e) =>
                        `${t(`kyodo.element.${e}`)} ${t('kyodo.score', { score: lesson.collaboration[e]!.score })}`,
                    )
                    .join(t('kyodo.listSeparator')),
                })}
              </p>
              {lesson.low.map((e) =>
                lesson.collaboration[e]?.note ? (
                  <p key={e} className="nominal-note">
                    {lesson.collaboration[e]!.note}
                  </p>
                ) : null,
              )}
              {lesson.lesson ? (
                <MarkdownView markdown={lesson.lesson.markdown} caseId={lesson.caseId} />
              ) : (
                <p className="muted">{t('kyodo.nominal.noLesson')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
