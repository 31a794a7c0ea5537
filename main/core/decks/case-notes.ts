import type { CaseDoc, PartnerType } from '../../../common/model'
import {
  COLLABORATION_ELEMENTS,
  type CollaborationScores,
} from '../../../common/decks/collaboration'
import { blocksToText, parseMarkdown } from './slide-text'

const INITIATORS = { city: '行政発', partner: '団体発', joint: '共同' } as const

/** Which details the notes may carry: a handout for outside readers leaves out contact names. */
export interface NotesOptions {
  contacts?: boolean
}

export function partnerLabel(key: string, types: readonly PartnerType[]): string {
  return types.find((t) => t.key === key)?.ja ?? key
}

export function sourceLine(doc: CaseDoc): string {
  const lines = [`出典: 事例「${doc.meta.title}」（事例ID: ${doc.meta.id}）`]
  for (const s of doc.meta.sources ?? []) lines.push(`資料: ${s.title} ${s.url}`)
  return lines.join('\n')
}

/** A section's whole text as plain lines (paragraphs, list items and table rows). */
export function sectionFullText(markdown: string): string {
  const { blocks, table } = parseMarkdown(markdown)
  const lines = [blocksToText(blocks)]
  if (table) {
    lines.push(table.columns.join('：'))
    for (const row of table.rows) lines.push(`・${row.join('：')}`)
  }
  return lines.filter(Boolean).join('\n')
}

/** The divider's notes: the whole summary and the facts the slide leaves out, with the source. */
export function overviewNotes(
  doc: CaseDoc,
  types: readonly PartnerType[],
  options: NotesOptions,
): string {
  const { meta } = doc
  const lines: string[] = []
  if (meta.summary) lines.push(`概要: ${meta.summary}`)
  if (meta.partners?.length) {
    lines.push('連携先:')
    for (const p of meta.partners)
      lines.push(`・${p.name}（${partnerLabel(p.type, types)}）: ${p.role}`)
  }
  if (meta.initiatedBy) lines.push(`発意: ${INITIATORS[meta.initiatedBy]}`)
  if (meta.period?.start) lines.push(`期間: ${meta.period.start}〜${meta.period.end ?? '継続中'}`)
  if (meta.evaluation) {
    const e = meta.evaluation
    const scores = [e.city && `市 ${e.city}/5`, e.partner && `団体 ${e.partner}/5`].filter(Boolean)
    lines.push(`評価: ${[scores.join('、'), e.note].filter(Boolean).join(' — ')}`)
  }
  const contact = [
    meta.contact?.section,
    options.contacts === false ? undefined : meta.contact?.name,
  ]
  if (contact.some(Boolean)) lines.push(`問い合わせ: ${contact.filter(Boolean).join(' ')}`)
  if (meta.lastVerified) lines.push(`最終確認: ${meta.lastVerified}`)
  lines.push(sourceLine(doc))
  return lines.join('\n')
}

/** The four elements with their scores and notes, for the 協働の4要素 slide's notes. */
export function collaborationNotes(scores: CollaborationScores): string {
  const lines = COLLABORATION_ELEMENTS.flatMap(({ key, label }) => {
    const entry = scores.elements[key]
    return entry ? [`${label}: ${entry.score}/5${entry.note ? ` — ${entry.note}` : ''}`] : []
  })
  if (scores.note) lines.push(`全体: ${scores.note}`)
  return lines.join('\n')
}
