// Placeholder replaced by the decks screen work in progress.
export function AddToDeckButton(_props: { caseIds: string[]; notify(message: string): void }) {
  return null
}
