import { BODY_SECTIONS } from './model/case'

/** The body a new case starts from: one `##` heading per section of the template (docs/format.md). */
export function caseBodyTemplate(): string {
  return BODY_SECTIONS.map((heading) => `## ${heading}\n\n`).join('\n')
}
