import type { ReactNode } from 'react'
import { slideHeading, type Slide, type TextBlock } from '../../../common/decks/slide-types'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'

/**
 * One slide of the outline drawn as a 16:9 card, laid out like the exports (navy band, heading
 * rule, 18pt body). Sizes are in container units, so the card scales with the preview column.
 */
export function SlidePreview({ slide, number }: { slide: Slide; number: number }) {
  const { t } = useI18n()
  return (
    <figure className="slide-card">
      <section
        className={`deck-slide kind-${slide.kind}`}
        aria-label={t('deck.slideLabel', { n: number })}
      >
        <SlideContent slide={slide} />
        <span className="slide-number" aria-hidden="true">
          {number}
        </span>
      </section>
      {slide.notes && (
        <figcaption className="slide-notes">
          <span className="slide-notes-label">{t('deck.notes')}</span>
          {slide.notes}
        </figcaption>
      )}
    </figure>
  )
}

function SlideContent({ slide }: { slide: Slide }) {
  const { t } = useI18n()
  switch (slide.kind) {
    case 'title':
      return (
        <div className="slide-title-block">
          <h3>{slide.title}</h3>
          {slide.subtitle && <p className="slide-subtitle">{slide.subtitle}</p>}
          {(slide.author || slide.date) && (
            <p className="slide-byline">{[slide.author, slide.date].filter(Boolean).join('　')}</p>
          )}
        </div>
      )
    case 'case-overview': {
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')]
      return (
        <>
          <Band />
          <h3 className="slide-case-title">{slide.caseTitle}</h3>
          <div className="slide-chips">
            {slide.chips.map((chip) => (
              <span key={chip.key} className="slide-chip" style={{ background: chip.color }}>
                {chip.label}
              </span>
            ))}
          </div>
          <p className="slide-facts">{facts.filter(Boolean).join('　｜　')}</p>
          <hr className="slide-rule" />
          {slide.summary && <p className="slide-summary">{slide.summary}</p>}
        </>
      )
    }
    case 'section':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slideHeading(slide.heading, slide.part)}>
          <Blocks blocks={slide.blocks} />
        </Framed>
      )
    case 'text':
      return (
        <Framed heading={slideHeading(slide.title, slide.part)}>
          <Blocks blocks={slide.blocks} />
        </Framed>
      )
    case 'table':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slideHeading(slide.heading, slide.part)}>
          <table className="slide-table">
            <thead>
              <tr>
                {slide.columns.map((column, i) => (
                  <th key={i}>{column}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {slide.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Framed>
      )
    case 'outcomes':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slideHeading(slide.heading, slide.part)}>
          <div className={`slide-figures n${Math.min(slide.figures.length, 3)}`}>
            {slide.figures.map((figure, i) => (
              <div key={i} className="slide-figure">
                <p className="slide-figure-value">
                  <b>{figure.value}</b> {figure.unit}
                </p>
                <p className="slide-figure-label">{figure.label}</p>
              </div>
            ))}
          </div>
        </Framed>
      )
    case 'photos':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slideHeading(slide.heading, slide.part)}>
          <div className={`slide-photos n${Math.min(slide.photos.length, 4)}`}>
            {slide.photos.map((photo) => (
              <figure key={`${photo.caseId}/${photo.name}`}>
                <img
                  src={api.attachmentUrl(photo.caseId, photo.name)}
                  alt={photo.name}
                  loading="lazy"
                />
                <figcaption>{photo.name}</figcaption>
              </figure>
            ))}
          </div>
        </Framed>
      )
    case 'missing':
      return (
        <Framed heading={t('deck.missingSlide')}>
          <p className="slide-missing">{slide.message}</p>
          <p className="slide-muted">{t('deck.caseIdLabel', { id: slide.caseId })}</p>
        </Framed>
      )
  }
}

function Band() {
  return <div className="slide-band" />
}

function Framed(props: { caseTitle?: string; heading: string; children: ReactNode }) {
  return (
    <>
      <Band />
      {props.caseTitle && <p className="slide-case-line">{props.caseTitle}</p>}
      <h3 className="slide-heading">{props.heading}</h3>
      <div className="slide-body">{props.children}</div>
    </>
  )
}

function Blocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="slide-text">
      {blocks.map((block, i) => {
        const runs = block.runs.map((run, r) =>
          run.bold ? <b key={r}>{run.text}</b> : <span key={r}>{run.text}</span>,
        )
        if (block.type === 'heading')
          return (
            <p key={i} className="slide-subheading">
              {runs}
            </p>
          )
        if (block.type === 'bullet')
          return (
            <p key={i} className={`slide-bullet l${Math.min(block.level ?? 0, 3)}`}>
              {runs}
            </p>
          )
        return <p key={i}>{runs}</p>
      })}
    </div>
  )
}
