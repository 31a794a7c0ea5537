import {
  COLLABORATION_ELEMENTS,
  COLLABORATION_ELEMENT_JA,
  type CollaborationCheck,
  type CollaborationElement,
} from '../../../common/model'
import { normalizeText } from './normalize'

/**
 * The 協働の4要素 filter of the query language (issue #16), kept apart from the text index:
 *
 *   elem:ownership>=4     that element scored 4 or more      (also element:, 要素:, 4要素:)
 *   elem:主体性<=2        Japanese names work too: ともに主体的に/主体性/主体, 課題に向き合う/課題,
 *                         目標に共感する/目標/共感, ともに取り組む/取り組み/実行
 *   elem:all>=4           every one of the four (also すべて, 全て, 全部, 4要素)
 *   elem:goal             no comparison means >=4: "strong on that element"
 *
 * Comparisons: >= > <= < = (and ≥ ≤ ＝). An unreadable value matches nothing, like an unreadable
 * year: ignoring it would silently show every case.
 */

export type ElementTarget = CollaborationElement | 'all'

export interface ElementRange {
  element: ElementTarget
  /** Inclusive bounds within 1–5; NaN when the value could not be read. */
  min: number
  max: number
}

const NAMES: Record<ElementTarget, string[]> = {
  ownership: [
    'ownership',
    COLLABORATION_ELEMENT_JA.ownership,
    '主体的に',
    '主体性',
    '主体的',
    '主体',
  ],
  problem: ['problem', COLLABORATION_ELEMENT_JA.problem, '課題', '課題共有', '向き合う'],
  goal: ['goal', COLLABORATION_ELEMENT_JA.goal, '目標', '目標共有', '共感'],
  action: ['action', COLLABORATION_ELEMENT_JA.action, '取り組み', '取組', '実行'],
  all: ['all', 'every', 'すべて', '全て', '全部', '4要素', '四要素', '全要素'],
}

/** Normalised name → element, built with the same normalisation as the query value. */
const BY_NAME = new Map<string, ElementTarget>(
  (Object.entries(NAMES) as [ElementTarget, string[]][]).flatMap(([element, names]) =>
    names.map((name) => [normalizeText(name), element] as const),
  ),
)

const COMPARISON = /^(.+?)(>=|<=|≥|≤|>|<|=)(\d)$/

const STRONG = 4

/** Reads the value after `elem:` (already normalised: NFKC, lower case, hiragana). */
export function parseElementRange(value: string): ElementRange {
  const unreadable = { element: 'all' as const, min: NaN, max: NaN }
  const m = COMPARISON.exec(value.replace(/\s+/g, ''))
  if (!m) {
    const element = BY_NAME.get(value.trim())
    return element ? { element, min: STRONG, max: 5 } : unreadable
  }
  const element = BY_NAME.get(m[1]!)
  const n = Number(m[3])
  if (!element || n < 1 || n > 5) return unreadable
  switch (m[2]) {
    case '>=':
    case '≥':
      return { element, min: n, max: 5 }
    case '>':
      return { element, min: n + 1, max: 5 }
    case '<=':
    case '≤':
      return { element, min: 1, max: n }
    case '<':
      return { element, min: 1, max: n - 1 }
    default:
      return { element, min: n, max: n }
  }
}

/**
 * The four scores in COLLABORATION_ELEMENTS order, 0 where unscored: a flat array keeps the search
 * document small and its shape fixed (see search-engine.ts on hidden classes).
 */
export function elementScores(check: CollaborationCheck | undefined): number[] {
  return COLLABORATION_ELEMENTS.map((element) => check?.[element]?.score ?? 0)
}

/** Whether a case's scores fall in the range; an unscored element never matches. */
export function matchesElementRange(scores: readonly number[], range: ElementRange): boolean {
  const inRange = (score: number) => score > 0 && score >= range.min && score <= range.max
  if (range.element === 'all') return scores.length === 4 && scores.every(inRange)
  return inRange(scores[COLLABORATION_ELEMENTS.indexOf(range.element)] ?? 0)
}
