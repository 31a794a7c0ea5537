import type { CaseMeta, PartnerType } from '../../../preload/contract'
// Placeholder replaced by the decks screen work in progress.
export function DeckBuilder(_props: {
  id: string
  cases: CaseMeta[]
  partnerTypes: PartnerType[]
  notify(message: string): void
}) {
  return null
}
