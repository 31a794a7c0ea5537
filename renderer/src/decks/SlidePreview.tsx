import { Fragment, type ReactNode } from 'react'
import { phrasesOf } from '../../../common/decks/phrase-breaks'
import { slideHeading, type Slide, type TextBlock } from '../../../common/decks/slide-types'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'

/**
 * Text that may wrap only between BudouX phrases (`<wbr>`; the slide's CSS says keep-all),
 * like the exports: no word is split across lines.
 */
function P({ text }: { text: string }) {
  return (
    <>
      {phrasesOf(text).map((phrase, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {phrase}
        </Fragment>
      ))}
    </>
  )
}

/**
 * One slide of the outline drawn as a 16:9 card, laid out like the exports (navy band, heading
 * rule, points at 24 pt, free text at 20 pt). Sizes are in container units, so the card scales with the preview column.
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
          <h3>
            <P text={slide.title} />
          </h3>
          {slide.subtitle && (
            <p className="slide-subtitle">
              <P text={slide.subtitle} />
            </p>
          )}
          {(slide.author || slide.date) && (
            <p className="slide-byline">{[slide.author, slide.date].filter(Boolean).join('　')}</p>
          )}
        </div>
      )
    case 'agenda':
      return (
        <Framed heading={slideHeading(slide.title, slide.part)}>
          <div className="slide-agenda">
            {slide.entries.map((entry) => (
              <div key={entry.number}>
                <p className="slide-agenda-title">
                  {entry.number}. <P text={entry.title} />
                </p>
                <p className="slide-agenda-facts">
                  {[entry.partners, entry.yearLabel].filter(Boolean).join('　')}
                </p>
              </div>
            ))}
          </div>
        </Framed>
      )
    case 'closing':
      return (
        <Framed heading={slide.title}>
          <Blocks blocks={slide.blocks} points />
          {slide.byline && <p className="slide-closing-byline">{slide.byline}</p>}
        </Framed>
      )
    case 'collaboration':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slide.heading}>
          <table className="slide-scores">
            <tbody>
              {slide.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <span aria-hidden="true">
                      {'●'.repeat(row.score)}
                      {'○'.repeat(5 - row.score)}
                    </span>{' '}
                    {row.score} / 5
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Blocks blocks={slide.blocks} />
        </Framed>
      )
    case 'case-overview': {
      const facts = [slide.yearLabel, slide.department, slide.area, slide.forms?.join('・')]
      return (
        <>
          <Band />
          <h3 className="slide-case-title">
            <P text={slide.caseTitle} />
          </h3>
          <div className="slide-chips">
            {slide.chips.map((chip) => (
              <span key={chip.key} className="slide-chip" style={{ background: chip.color }}>
                {chip.label}
              </span>
            ))}
          </div>
          <p className="slide-facts">
            {facts.filter(Boolean).map((fact, i) => (
              <span key={i}>{fact}</span>
            ))}
          </p>
          <hr className="slide-rule" />
          <div className="slide-summary">
            {slide.points.map((point, i) => (
              <p key={i} className="slide-bullet l0">
                <P text={point} />
              </p>
            ))}
          </div>
        </>
      )
    }
    case 'section':
      return (
        <Framed caseTitle={slide.caseTitle} heading={slideHeading(slide.heading, slide.part)}>
          <Blocks blocks={slide.blocks} points />
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
                  <th key={i}>
                    <P text={column} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {slide.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <P text={cell} />
                    </td>
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
      <h3 className="slide-heading">
        <P text={props.heading} />
      </h3>
      <div className="slide-body">{props.children}</div>
    </>
  )
}

function Blocks({ blocks, points }: { blocks: TextBlock[]; points?: boolean }) {
  return (
    <div className={`slide-text${points ? ' points' : ''}`}>
      {blocks.map((block, i) => {
        const runs = block.runs.map((run, r) =>
          run.bold ? (
            <b key={r}>
              <P text={run.text} />
            </b>
          ) : (
            <span key={r}>
              <P text={run.text} />
            </span>
          ),
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
