/** Where a save of an editor (case, deck) stands; shown beside its save button. */
export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }
