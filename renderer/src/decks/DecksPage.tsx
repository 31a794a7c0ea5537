// Placeholder replaced by the decks screen work in progress.
export function DecksPage(_props: { notify(message: string): void }) {
  return null
}
