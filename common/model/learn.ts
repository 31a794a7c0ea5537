/** What the learning screens show: tips gathered per partner type and the partner guides. */

import type { PartnerType } from './case'
import type { CollaborationCheck, CollaborationElement } from './collaboration'

/** The body sections that carry lessons for others. */
export const TIP_SECTIONS = ['協働のコツ', '苦労と教訓'] as const
export type TipSection = (typeof TIP_SECTIONS)[number]

export interface Tip {
  caseId: string
  title: string
  section: TipSection
  /** The section's Markdown (without its heading). */
  markdown: string
  /** Its bullet items when the section is (or contains) a list; empty for prose. */
  items: string[]
}

/** A word that recurs in the tips and lessons of several cases, with where each case says it. */
export interface TipTheme {
  phrase: string
  cases: { caseId: string; title: string; sentence: string }[]
}

export interface PartnerGuide {
  key: string
  /** The configured partner type (labels, colour); absent for a key only found in cases. */
  partnerType?: PartnerType
  /** The editable introduction (Markdown); empty until someone writes one. */
  intro: string
  /** Its cases, newest 年度 first. */
  cases: { id: string; title: string; fiscalYear?: number }[]
  /** The most frequent 協働の形態 among its cases (top 5). */
  topForms: { form: string; count: number }[]
  /** The most frequent tags among its cases (top 5). */
  topTags: { tag: string; count: number }[]
  /** Every 協働のコツ and 苦労と教訓 section of its cases. */
  tips: Tip[]
  /** The words that recur across those tips, most cases first (common/learn/themes.ts). */
  themes: TipTheme[]
}

/** A case that scored low on ownership or the shared goal (名ばかり連携), with its lesson. */
export interface NominalLesson {
  caseId: string
  title: string
  fiscalYear?: number
  collaboration: CollaborationCheck
  /** The elements that scored 2 or lower. */
  low: CollaborationElement[]
  /** The case's 苦労と教訓 section (Markdown) and its bullet items; absent when it has none. */
  lesson?: { markdown: string; items: string[] }
}
