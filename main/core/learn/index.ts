/** The learn domain (issue 6): pictures of the library, guides, tips, paths, related cases. */
export {
  libraryOverview,
  queryFor,
  type LibraryOverview,
  type OverviewFilter,
} from '../../../common/learn/overview'
export { gatherTips, TIP_SECTIONS, type Tip, type TipSection, type GatherTipsOptions } from './tips'
export { partnerGuide, setGuideIntro, type PartnerGuide } from './partner-guide'
export * from './related'
export * from './freshness'
export * from './path-store'
export * from './glossary'
export { bodySection, type BodySection } from './sections'
export { nominalLessons } from './nominal-lessons'
