/** Events pushed from main to every window / web client. */
export type KbEvent =
  | { type: 'library.changed'; ids: string[]; external?: boolean }
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'library.opened'; path: string }
  | { type: 'index.ready'; caseCount: number; ms: number; fromCache: boolean }

/** The IPC channel on which main pushes KbEvents. */
export const KB_EVENT_CHANNEL = 'kb:event'
