import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { devCsp } from './scripts/vite/dev-csp'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          // The search index's cold build runs in a worker thread (main/core/search/index-builder.ts).
          'index-build-worker': resolve(
            import.meta.dirname,
            'main/core/search/index-build-worker.ts',
          ),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require anything: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    // devCsp: `npm run dev` only; the build keeps the strict CSP of renderer/index.html.
    plugins: [react(), devCsp()],
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
})
