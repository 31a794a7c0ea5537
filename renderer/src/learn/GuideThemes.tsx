import type { TipTheme } from '../../../common/model'
import { useI18n } from '../i18n/i18n'
import './guide-themes.css'

/**
 * 共通するテーマ: the words that recur across the tips and lessons of different cases, each
 * opening to the cases behind it and the sentence where each says it. The full tips follow
 * below on the page; this is the pattern a new hire should notice first.
 */
export function GuideThemes({ themes }: { themes: TipTheme[] }) {
  const { t } = useI18n()
  return (
    <section className="learn-section guide-themes" aria-labelledby="guide-themes-title">
      <h2 id="guide-themes-title">{t('learn.guide.themes')}</h2>
      <p className="muted small">{t('learn.guide.themesHelp')}</p>
      {themes.length === 0 ? (
        <p className="learn-empty">{t('learn.guide.noThemes')}</p>
      ) : (
        <ul className="theme-list">
          {themes.map((theme) => (
            <li key={theme.phrase} className="theme-item">
              <details>
                <summary>
                  <span className="theme-phrase">{theme.phrase}</span>
                  <span className="theme-count">
                    {t('learn.guide.themeCases', { n: theme.cases.length })}
                  </span>
                </summary>
                <ul className="theme-cases">
                  {theme.cases.map((c) => (
                    <li key={c.caseId}>
                      <q>{c.sentence}</q>
                      <a href={`#/case/${c.caseId}`}>{c.title}</a>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
