import type { CaseMeta } from '../../../preload/contract'
// Placeholder replaced by the learn screen work in progress.
export function PathReader(_props: {
  id: string
  cases: CaseMeta[]
  notify(message: string): void
}) {
  return null
}
