import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Three suites: core/main/CLI in Node, components in jsdom, and the whole app in Chromium
// through the web host (needs `electron-vite build` first; `npm run test:browser` does that).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Some tests export decks or build indexes over the sample; generous on a busy 2-core box.
          testTimeout: 30_000,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**', 'tests/browser/**'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
