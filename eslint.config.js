import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/** Who may not import whom: `target` files may not import anything under `from`. */
const LAYER_ZONES = [
  {
    target: './common',
    from: ['./main', './preload', './renderer'],
    message: 'common/ is shared by every layer and imports none of them.',
  },
  { target: './main/core', from: './main/api', message: 'main/core may not import the services.' },
  {
    target: './renderer',
    from: './main',
    message: 'The renderer reaches main only through the API.',
  },
  {
    target: './preload',
    from: ['./main', './renderer'],
    message: 'The preload only exposes common/api.',
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Layers (docs/architecture.md), checked on resolved paths so `../` tricks cannot slip past.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Only the Electron shell (main/*.ts, main/security, preload) may import electron: the domain,
    // the services, the web host and the CLI run in plain Node, in tests and on the command line.
    files: ['main/core/**', 'main/api/**', 'main/web/**', 'main/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron shell may import electron.' }] },
      ],
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: ['node:*'], message: 'common/ is shared with the renderer: no Node.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches the library only through its api module; no Node, no main/.
    files: ['renderer/**', 'tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process'],
              message: 'The renderer has no Node.',
            },
            {
              group: ['**/main/**', '../../main/*'],
              message: 'The renderer may not import main/.',
            },
          ],
        },
      ],
    },
  },
)
