// Runs before `npm start`: fetches the Electron binary when the install skipped it (npm set to
// ignore install scripts, or ELECTRON_SKIP_BINARY_DOWNLOAD during `npm ci`). Needs internet once.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.error('Electron を準備しています… (downloading the Electron binary)')
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  })
  if (result.status !== 0) {
    console.error('Electron を取得できませんでした。インターネット接続を確認してください。')
    console.error('(Could not download Electron; check the internet connection.)')
    process.exit(1)
  }
}
