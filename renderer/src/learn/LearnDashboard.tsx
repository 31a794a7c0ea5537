import type { CaseMeta, LibraryInfo } from '../../../preload/contract'
// Placeholder replaced by the learn screen work in progress.
export function LearnDashboard(_props: {
  info: LibraryInfo
  cases: CaseMeta[]
  notify(message: string): void
}) {
  return null
}
