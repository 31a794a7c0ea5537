import type { KbApi } from '../../common/api'
import { asResult } from '../core/errors'
import {
  getGlossary,
  libraryFreshness,
  maxAgeMonths,
  nominalLessons,
  partnerGuide,
  PathStore,
  relatedToCase,
  resolvePath,
  setGlossary,
  setGuideIntro,
  setMaxAgeMonths,
} from '../core/learn'
import type { Library } from '../core/library'

type LearnMethods = Pick<
  KbApi,
  | 'learn.guide'
  | 'learn.setGuideIntro'
  | 'learn.related'
  | 'learn.freshness'
  | 'learn.setFreshnessAge'
  | 'learn.nominal'
  | 'glossary.get'
  | 'glossary.set'
  | 'paths.list'
  | 'paths.get'
  | 'paths.create'
  | 'paths.save'
  | 'paths.remove'
>

/** What new hires read: partner-type guides, related cases, freshness, glossary, reading paths. */
export function createLearnService(deps: {
  library: () => Library
  changed: (ids: string[]) => Promise<void>
}): LearnMethods {
  const { library, changed } = deps
  const paths = () => new PathStore(library().root)
  const after = async <T>(work: Promise<T>): Promise<T> => {
    const value = await work
    await changed([])
    return value
  }
  return {
    'learn.guide': (key) => asResult(() => partnerGuide(library(), key)),
    'learn.setGuideIntro': (key, intro) =>
      asResult(() => after(setGuideIntro(library(), key, intro).then(() => ({ key })))),
    'learn.related': (id) =>
      asResult(async () => ({ related: await relatedToCase(library(), id) })),
    'learn.freshness': () =>
      asResult(async () => ({
        ...(await libraryFreshness(library(), new Date())),
        maxAgeMonths: maxAgeMonths(library()),
      })),
    'learn.setFreshnessAge': (months) =>
      asResult(() =>
        after(setMaxAgeMonths(library(), months).then(() => ({ maxAgeMonths: months }))),
      ),
    'learn.nominal': () => asResult(async () => ({ lessons: await nominalLessons(library()) })),
    'glossary.get': () => asResult(async () => ({ entries: getGlossary(library()) })),
    'glossary.set': (entries) =>
      asResult(() => after(setGlossary(library(), entries).then((e) => ({ entries: e })))),
    'paths.list': () => asResult(async () => ({ paths: (await paths().list()).paths })),
    'paths.get': (id) => asResult(async () => resolvePath(library(), await paths().get(id))),
    'paths.create': (input) => asResult(() => after(paths().create(input))),
    'paths.save': (path) => asResult(() => after(paths().save(path))),
    'paths.remove': (id) => asResult(() => after(paths().remove(id))),
  }
}
