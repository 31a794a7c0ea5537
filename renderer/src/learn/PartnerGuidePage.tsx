import { useId, useState } from 'react'
import type { LibraryInfo, Tip } from '../../../common/model'
import { warekiOfFiscalYear } from '../../../common/fiscal-year'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'
import { MarkdownView } from '../components/MarkdownView'
import { partnerTypeLabel } from '../components/PartnerChip'
import { useI18n } from '../i18n/i18n'
import { GuideThemes } from './GuideThemes'
import { searchHref } from './learn-data'
import './learn-common.css'
import './partner-guide.css'
import { useNotify } from '../hooks/notify'

interface Props {
  typeKey: string
  info: LibraryInfo
}

const SECTIONS = ['協働のコツ', '苦労と教訓'] as const

/**
 * `#/learn/type/<key>`: everything the library knows about working with one kind of partner —
 * an editable introduction, its cases, the forms and tags that recur, and every tip and lesson
 * its cases left behind, each linked back to its case.
 */
export function PartnerGuidePage({ typeKey, info }: Props) {
  const { t, language } = useI18n()
  const loaded = useApiValue(() => api.call('learn.guide', typeKey), [typeKey], {
    refreshOn: onLibraryChange,
  })

  if (loaded.error) {
    return (
      <div className="empty-state" role="alert">
        <p>{loaded.error.message}</p>
        <a href="#/learn">{t('learn.back')}</a>
      </div>
    )
  }
  if (loaded.loading || !loaded.value) return <p className="muted pad">{t('app.loading')}</p>
  const guide = loaded.value
  const type = guide.partnerType ?? info.partnerTypes.find((p) => p.key === typeKey)
  const name = partnerTypeLabel(info.partnerTypes, typeKey, language)
  const color = type?.color ?? '#5b6573'
  const tipsOf = (section: Tip['section']) => guide.tips.filter((tip) => tip.section === section)

  return (
    <div className="learn-page guide-page" style={{ ['--type-color' as string]: color }}>
      <header className="guide-header">
        <a className="guide-back" href="#/learn">
          ← {t('learn.back')}
        </a>
        <p className="guide-kicker">{t('learn.guide.kicker')}</p>
        <h1>{name}</h1>
        <ul className="guide-header-stats">
          <li>{t('learn.caseCount', { n: guide.cases.length })}</li>
          <li>{t('learn.guide.tipCount', { n: tipsOf('協働のコツ').length })}</li>
          <li>{t('learn.guide.lessonCount', { n: tipsOf('苦労と教訓').length })}</li>
        </ul>
      </header>

      <GuideIntro
        key={typeKey}
        typeKey={typeKey}
        intro={guide.intro}

        onSaved={() => loaded.reload()}
      />

      <div className="guide-columns">
        <section className="learn-section" aria-labelledby="guide-cases">
          <h2 id="guide-cases">{t('learn.guide.cases')}</h2>
          {guide.cases.length === 0 ? (
            <p className="learn-empty">{t('learn.guide.noCases')}</p>
          ) : (
            <ul className="guide-case-list">
              {guide.cases.map((c) => (
                <li key={c.id}>
                  <a href={`#/case/${c.id}`}>{c.title}</a>
                  {c.fiscalYear !== undefined && (
                    <span className="muted small">
                      {t('format.fiscalYearWareki', {
                        year: c.fiscalYear,
                        wareki: warekiOfFiscalYear(c.fiscalYear),
                      })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="guide-facts">
          <section aria-labelledby="guide-forms">
            <h2 id="guide-forms">{t('learn.guide.topForms')}</h2>
            <ul className="guide-chips">
              {guide.topForms.map((f) => (
                <li key={f.form}>
                  <a
                    className="guide-chip"
                    href={searchHref({ partnerType: typeKey, form: f.form })}
                    aria-label={t('learn.guide.searchChip', { name: f.form, n: f.count })}
                  >
                    {f.form}
                    <span className="count">{f.count}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="guide-tags">
            <h2 id="guide-tags">{t('learn.guide.topTags')}</h2>
            <ul className="guide-chips">
              {guide.topTags.map((tag) => (
                <li key={tag.tag}>
                  <a
                    className="guide-chip tag-chip"
                    href={`#/search?q=${encodeURIComponent(`type:${typeKey} tag:${tagQuery(tag.tag)}`)}`}
                    aria-label={t('learn.guide.searchChip', { name: tag.tag, n: tag.count })}
                  >
                    #{tag.tag}
                    <span className="count">{tag.count}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>

      <GuideThemes themes={guide.themes} />

      {SECTIONS.map((section) => (
        <section key={section} className="learn-section" aria-labelledby={`tips-${section}`}>
          <h2 id={`tips-${section}`} className={`tips-heading ${sectionClass(section)}`}>
            {section === '協働のコツ' ? t('learn.guide.tips') : t('learn.guide.lessons')}
          </h2>
          {tipsOf(section).length === 0 ? (
            <p className="learn-empty">{t('learn.guide.noTips')}</p>
          ) : (
            <ul className={`tip-cards ${sectionClass(section)}`}>
              {tipsOf(section).map((tip) => (
                <li key={`${tip.caseId}-${tip.section}`} className="tip-card">
                  <a className="tip-source" href={`#/case/${tip.caseId}`}>
                    {t('learn.guide.fromCase', { title: tip.title })}
                  </a>
                  <MarkdownView markdown={tip.markdown} caseId={tip.caseId} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}

const sectionClass = (section: Tip['section']) => (section === '協働のコツ' ? 'tips' : 'lessons')

/** A tag as one search value: quoted when it holds a space or a quote. */
function tagQuery(tag: string): string {
  return /[\s"']/.test(tag) ? `"${tag.replace(/[\\"]/g, (c) => `\\${c}`)}"` : tag
}

interface IntroProps {
  typeKey: string
  intro: string
  onSaved(intro: string): void
}

/** The guide's introduction (Markdown, stored in library.json): read, or edit with a preview. */
function GuideIntro({ typeKey, intro, onSaved }: IntroProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const [draft, setDraft] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const fieldId = useId()
  const save = async () => {
    if (draft === null) return
    setSaving(true)
    const result = await api.call('learn.setGuideIntro', typeKey, draft)
    setSaving(false)
    if (!result.ok) return notify(result.error.message)
    onSaved(draft)
    setDraft(null)
    notify(t('learn.saved'))
  }
  if (draft === null) {
    return (
      <section className="guide-intro" aria-label={t('learn.guide.intro')}>
        {intro.trim() ? (
          <MarkdownView markdown={intro} label={t('learn.guide.intro')} />
        ) : (
          <p className="muted">{t('learn.guide.noIntro')}</p>
        )}
        <button type="button" className="button small" onClick={() => setDraft(intro)}>
          {t('learn.guide.editIntro')}
        </button>
      </section>
    )
  }
  return (
    <section className="guide-intro editing" aria-label={t('learn.guide.intro')}>
      <div className="guide-intro-editor">
        <div>
          <label htmlFor={fieldId}>{t('learn.guide.introLabel')}</label>
          <textarea
            id={fieldId}
            value={draft}
            rows={8}
            maxLength={4000}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="guide-intro-preview">
          <span className="muted small">{t('learn.preview')}</span>
          <MarkdownView markdown={draft} label={t('learn.preview')} />
        </div>
      </div>
      <div className="learn-actions">
        <button
          type="button"
          className="button primary"
          disabled={saving}
          onClick={() => void save()}
        >
          {t('learn.save')}
        </button>
        <button type="button" className="button" onClick={() => setDraft(null)}>
          {t('learn.cancel')}
        </button>
      </div>
    </section>
  )
}
