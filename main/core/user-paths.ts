import { homedir } from 'node:os'
import { join } from 'node:path'

/** Folder name of the app's own data under the platform's application-data folder. */
export const APP_FOLDER = 'kyodo-kb'

/**
 * Where this user's app data lives, computed the way Electron's `app.getPath('appData')` does, so
 * that the desktop app, `npm run web` and the CLI agree without importing Electron:
 * %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config
 * elsewhere. `KB_APP_DATA` overrides it.
 */
export function appDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  // Tests and portable installs point the app's own data elsewhere.
  if (env.KB_APP_DATA) return env.KB_APP_DATA
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER)
}

/**
 * The library the app opens by default: `KB_LIBRARY` when set (administrators point it at a
 * shared drive), otherwise `library` inside the app-data folder, seeded from the sample.
 */
export function defaultLibraryFolder(env: NodeJS.ProcessEnv = process.env): string {
  // An empty KB_LIBRARY (set but blank in a launcher script) means unset.
  return env.KB_LIBRARY || join(appDataFolder(env), 'library')
}
