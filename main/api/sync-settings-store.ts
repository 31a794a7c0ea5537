import { chmod, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SyncSettings } from '../../common/model'
import { writeFileAtomic } from '../core/atomic-write'
import type { SyncCredentials } from '../core/sync/git-context'

/** A token as stored: sealed by the platform's keychain (desktop) or plain in the user's app data (web host). */
export interface SealedToken {
  scheme: 'safeStorage' | 'plain'
  value: string
}

/** How tokens are sealed in this door: Electron's safeStorage, or nothing beyond file permissions. */
export interface TokenVault {
  seal(token: string): SealedToken
  open(sealed: SealedToken): string | null
}

export const plainTokenVault: TokenVault = {
  seal: (token) => ({ scheme: 'plain', value: token }),
  open: (sealed) => (sealed.scheme === 'plain' ? sealed.value : null),
}

type StoredSettings = Omit<SyncSettings, 'remote'> & { token?: SealedToken }

const FILE = 'sync-settings.json'
const DEFAULTS: Omit<StoredSettings, 'user'> = { intervalMinutes: 0, syncOnClose: false }

/**
 * Per-user sync settings, one entry per library (by its resolved path), in the user's app data:
 * never in the library and never in the repository's config, which the whole team shares or
 * which a copy of the folder would carry along. The remote URL itself lives in .git/config.
 * KB_SYNC_USER and KB_SYNC_TOKEN, when set, are used instead (web host, scripts).
 */
export class SyncSettingsStore {
  constructor(
    private readonly appData: string,
    private readonly vault: TokenVault,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async get(root: string): Promise<StoredSettings> {
    const all = await this.readAll()
    return { user: '', ...DEFAULTS, ...all[root] }
  }

  async save(root: string, settings: Omit<SyncSettings, 'remote'>, token?: string): Promise<void> {
    const all = await this.readAll()
    const previous = all[root]
    all[root] = {
      user: settings.user,
      intervalMinutes: settings.intervalMinutes,
      syncOnClose: settings.syncOnClose,
      token: token ? this.vault.seal(token) : previous?.token,
    }
    await mkdir(this.appData, { recursive: true })
    const file = join(this.appData, FILE)
    await writeFileAtomic(file, `${JSON.stringify(all, null, 2)}\n`)
    // Only this user may read it (a no-op on Windows, where the profile folder is private).
    await chmod(file, 0o600).catch(() => undefined)
  }

  async credentials(root: string): Promise<SyncCredentials | undefined> {
    if (this.env.KB_SYNC_USER && this.env.KB_SYNC_TOKEN)
      return { user: this.env.KB_SYNC_USER, token: this.env.KB_SYNC_TOKEN }
    const stored = await this.get(root)
    const token = stored.token ? this.vault.open(stored.token) : null
    return stored.user && token ? { user: stored.user, token } : undefined
  }

  async hasToken(root: string): Promise<boolean> {
    return (await this.credentials(root)) !== undefined
  }

  private async readAll(): Promise<Record<string, StoredSettings>> {
    try {
      return JSON.parse(await readFile(join(this.appData, FILE), 'utf8')) as Record<
        string,
        StoredSettings
      >
    } catch {
      return {}
    }
  }
}
