import type { learnJa } from './learn.ja'

/** English strings of the learn screens (every key of learn.ja.ts). */
export const learnEn: Record<keyof typeof learnJa, string> = {
  'nav.learn': 'Learn',
}
