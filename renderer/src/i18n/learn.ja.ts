/** Japanese strings of the learn screens. */
export const learnJa = {
  'nav.learn': '学ぶ',
} as const
