/**
 * Runs before `npm start` and `npm run dev`:
 * 1. fetches the Electron binary when the install skipped it (npm set to ignore install scripts,
 *    or ELECTRON_SKIP_BINARY_DOWNLOAD during `npm ci`); needs internet once;
 * 2. on Linux, checks that Electron's sandbox can start, and explains how to fix it when it
 *    cannot (scripts/start/linux-sandbox.ts) instead of letting Chromium abort with a cryptic line.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { diagnoseLinuxSandbox, sandboxAdvice } from './linux-sandbox'

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
    console.error('インターネットに接続できない場合は npm run web を使ってください。')
    console.error('(Without internet access, use the web host: npm run web.)')
    process.exit(1)
  }
}

if (process.env.KB_SANDBOX_CHECK !== 'off') {
  const diagnosis = diagnoseLinuxSandbox({
    platform: process.platform,
    electronDir,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8').trim()
      } catch {
        return null
      }
    },
    statFile: (path) => {
      try {
        const info = statSync(path)
        return { uid: info.uid, mode: info.mode }
      } catch {
        return null
      }
    },
    apparmorProfiles: () => {
      try {
        const dir = '/etc/apparmor.d'
        return readdirSync(dir).flatMap((name) => {
          try {
            return [readFileSync(join(dir, name), 'utf8')]
          } catch {
            return []
          }
        })
      } catch {
        return []
      }
    },
  })
  if (!diagnosis.ok) {
    console.error(sandboxAdvice(diagnosis.helper, diagnosis.binary))
    process.exit(1)
  }
}
