import type { LibraryInfo } from '../../../preload/contract'
// Placeholder replaced by the learn screen work in progress.
export function PartnerGuidePage(_props: {
  typeKey: string
  info: LibraryInfo
  notify(message: string): void
}) {
  return null
}
