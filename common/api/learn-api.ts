import type { FreshnessReport } from '../learn/freshness'
import type { GlossaryEntry } from '../learn/glossary'
import type { NewReadingPath, ReadingPath, ResolvedPath } from '../learn/reading-path'
import type { RelatedCase } from '../learn/related'
import type { NominalLesson, PartnerGuide } from '../model/learn'
import type { Result } from './result'

/** What new hires learn from: partner guides, related cases, freshness, glossary, reading paths. */
export interface LearnApi {
  'learn.guide'(partnerType: string): Promise<Result<PartnerGuide>>
  'learn.setGuideIntro'(partnerType: string, intro: string): Promise<Result<{ key: string }>>
  'learn.related'(caseId: string): Promise<Result<{ related: RelatedCase[] }>>
  'learn.freshness'(): Promise<Result<FreshnessReport & { maxAgeMonths: number }>>
  'learn.setFreshnessAge'(months: number): Promise<Result<{ maxAgeMonths: number }>>
  /** 協働の4要素: the 名ばかり連携 cases with what their 苦労と教訓 says. */
  'learn.nominal'(): Promise<Result<{ lessons: NominalLesson[] }>>
  'glossary.get'(): Promise<Result<{ entries: GlossaryEntry[] }>>
  'glossary.set'(entries: GlossaryEntry[]): Promise<Result<{ entries: GlossaryEntry[] }>>
  'paths.list'(): Promise<Result<{ paths: ReadingPath[] }>>
  'paths.get'(id: string): Promise<Result<ResolvedPath>>
  'paths.create'(input: NewReadingPath): Promise<Result<ReadingPath>>
  'paths.save'(path: ReadingPath): Promise<Result<ReadingPath>>
  'paths.remove'(id: string): Promise<Result<{ id: string }>>
}
