import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Four suites: core/main/CLI in Node, components in jsdom, and after `electron-vite build`
// (`npm run test:browser` builds first) the desktop start path on the built main process and
// the whole app in Chromium through the web host.
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
          exclude: ['tests/renderer/**', 'tests/browser/**', 'tests/main/start-path.test.ts'],
        },
      },
      {
        test: {
          // Loads the BUILT out/main/index.js with a stand-in for electron, one process per case.
          name: 'start-path',
          environment: 'node',
          include: ['tests/main/start-path.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup-async-timeout.ts'],
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
