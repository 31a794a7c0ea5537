/**
 * The case model: what a case study is, as stored in cases/<id>/case.json and case.md
 * (docs/format.md). Types and constants only, no runtime imports: the sandboxed preload and the
 * renderer share it.
 */

import type { CollaborationCheck } from './collaboration'

export const COLLABORATION_FORMS = [
  '共催',
  '後援',
  '補助',
  '委託',
  '事業協力・協定',
  '実行委員会・協議会',
  '情報交換',
  'その他',
] as const
export type CollaborationForm = (typeof COLLABORATION_FORMS)[number]

export const CASE_STATUSES = ['draft', 'published', 'archived'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const INITIATORS = ['city', 'partner', 'joint'] as const
export type Initiator = (typeof INITIATORS)[number]

/** Headings of the body template, in order (docs/format.md). */
export const BODY_SECTIONS = [
  '背景・課題',
  '協働のきっかけ',
  '共有した目標',
  '役割分担',
  '取り組みの内容',
  '成果と効果',
  '協働のコツ',
  '苦労と教訓',
  '今後の展望',
] as const

export interface PartnerType {
  key: string
  ja: string
  en: string
  color: string
}

export interface Partner {
  name: string
  type: string
  role: string
}

export interface Outcome {
  label: string
  value: number
  unit: string
}

export interface CaseMeta {
  schema: 1
  id: string
  title: string
  summary?: string
  partnerTypes: string[]
  partners?: Partner[]
  forms?: CollaborationForm[]
  initiatedBy?: Initiator
  department?: string
  area?: string
  period?: { start: string; end?: string | null }
  fiscalYear?: number
  status: CaseStatus
  tags?: string[]
  outcomes?: Outcome[]
  evaluation?: { city?: number; partner?: number; note?: string }
  /** 協働の4要素: how far this was real 協働 (common/model/collaboration.ts). */
  collaboration?: CollaborationCheck
  contact?: { name?: string; section?: string }
  sources?: { title: string; url: string }[]
  related?: string[]
  lastVerified?: string
  createdAt: string
  updatedAt: string
  revision: number
}

/** What a caller may set; the store owns schema, id, timestamps and revision. */
export type CaseMetaInput = Omit<CaseMeta, 'schema' | 'id' | 'createdAt' | 'updatedAt' | 'revision'>

export interface CaseDoc {
  meta: CaseMeta
  body: string
  /**
   * SHA-256 over the bytes of case.json and case.md this document was read from or written as
   * (set by `cases.get`, `cases.create`, `cases.save` and a conflict's `current`). Sent back as
   * `baseFilesHash`, it lets a save notice an edit by another program that left `revision` alone.
   */
  filesHash?: string
}

export interface DamagedCase {
  id: string
  file: string
  reason: string
}

export interface TrashedCase {
  id: string
  title: string
  deletedAt: string
}

export interface AttachmentInfo {
  name: string
  size: number
}

export interface CaseBackup {
  /** Folder name under `.backups/cases/<id>/`; pass it to restoreBackup. */
  stamp: string
  /** When the backup was taken (just before the version after it was written). */
  takenAt: string
  revision: number | null
  title: string | null
  updatedAt: string | null
}
