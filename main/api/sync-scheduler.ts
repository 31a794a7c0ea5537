import type { Library } from '../core/library'
import { remoteUrl, readSyncState } from '../core/sync/repository'
import { gitContext } from '../core/sync/git-context'
import type { SyncSettingsStore } from './sync-settings-store'

export interface SyncScheduler {
  stop(): void
  /** Syncs once more before the app closes, when the user asked for it. */
  beforeClose(): Promise<void>
}

// How often the schedule is looked at; the user's interval is in minutes.
const TICK_MS = 30_000

/**
 * Optional background sync every N minutes and sync on close, per the user's settings for the
 * open library. A failed background sync is simply tried again at the next interval: local
 * changes stay committed, and the status shows what is pending.
 */
export function scheduleSync(deps: {
  library: () => Library
  settings: SyncSettingsStore
  run: () => Promise<unknown>
}): SyncScheduler {
  const { library, settings, run } = deps
  const ready = async () => {
    const root = library().root
    return (await remoteUrl(gitContext(root))) !== undefined && (await settings.hasToken(root))
  }
  const timer = setInterval(() => {
    void (async () => {
      const root = library().root
      const { intervalMinutes } = await settings.get(root)
      if (intervalMinutes <= 0 || !(await ready())) return
      const last = Date.parse((await readSyncState(root)).lastSyncedAt ?? '') || 0
      if (Date.now() - last >= intervalMinutes * 60_000) await run()
    })().catch(() => undefined)
  }, TICK_MS)
  timer.unref()
  return {
    stop: () => clearInterval(timer),
    async beforeClose() {
      clearInterval(timer)
      const root = library().root
      if ((await settings.get(root)).syncOnClose && (await ready()))
        await run().catch(() => undefined)
    },
  }
}
