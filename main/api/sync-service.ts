import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import type { SyncApi } from '../../common/api'
import type {
  CaseMeta,
  ConflictDetail,
  ConflictSide,
  LibraryInfo,
  SyncStatus,
} from '../../common/model'
import { KbError, asResult, bilingual } from '../core/errors'
import type { Library } from '../core/library'
import { listCaseVersions, restoreCaseVersion } from '../core/sync/case-history'
import { cloneLibrary } from '../core/sync/clone-library'
import { listConflicts, readConflict } from '../core/sync/conflict-records'
import { CHOICE_LABEL, resolveConflict } from '../core/sync/conflict-resolve'
import { gitContext, type SyncAuthor } from '../core/sync/git-context'
import { isNetworkPath } from '../core/sync/local-disk'
import { localSyncStatus } from '../core/sync/local-status'
import { recordChanges } from '../core/sync/record-changes'
import { assertHttpUrl, ensureRepository, readSyncState, remoteUrl } from '../core/sync/repository'
import { syncFailure } from '../core/sync/sync-errors'
import { syncLibrary } from '../core/sync/sync-library'
import { withSyncLock } from '../core/sync/sync-lock'
import type { EventHub } from './events'
import type { SyncSettingsStore } from './sync-settings-store'

/** Outside case folders, these are always compared: they are few and small. */
const ALWAYS_SCANNED = ['library.json', '.gitignore', 'decks', 'paths', 'conflicts']

export interface SyncServiceDeps {
  library: () => Library
  settings: SyncSettingsStore
  events: EventHub
  /** Refreshes the index for these cases and tells every window (the library-change path). */
  changed: (ids: string[]) => Promise<void>
  switchTo: (path: string) => Promise<LibraryInfo>
}

/**
 * The sync API over the open library: settings, test connection, sync with progress, clone,
 * conflicts and history. What a sync brings is announced through `changed` (index refresh and
 * `library.changed`), the same path as every other write.
 */
export function createSyncService(deps: SyncServiceDeps): SyncApi & { runSync(): Promise<void> } {
  const { library, settings, events, changed } = deps
  let running = false
  // What changed since the last sync, as the app's writes and the folder watcher report it, so a
  // sync stats only those folders. null: unknown (first sync of a session, after a switch or a
  // failure), and the whole working copy is compared.
  let touched: Set<string> | null = null
  let initialPending: number | undefined
  events.subscribe((event) => {
    if (event.type === 'library.opened') {
      touched = null
      initialPending = undefined
    } else if (event.type === 'library.changed')
      for (const id of event.ids) touched?.add(`cases/${id}`)
  })
  const authorFor = async (root: string): Promise<SyncAuthor> => ({
    name: (await settings.get(root)).user || (await settings.credentials(root))?.user || 'kb',
  })

  async function status(): Promise<SyncStatus> {
    const root = library().root
    const stored = await settings.get(root)
    const state = await readSyncState(root)
    // Known from the app's own bookkeeping after the first sync; counted once before that.
    initialPending ??= touched === null ? (await localSyncStatus(root)).pending : 0
    const local = await localSyncStatus(root, touched === null ? initialPending : touched.size)
    return {
      remote: (await remoteUrl(gitContext(root))) ?? '',
      user: stored.user,
      intervalMinutes: stored.intervalMinutes,
      syncOnClose: stored.syncOnClose,
      hasToken: await settings.hasToken(root),
      ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
      ...local,
      networkPath: await isNetworkPath(root),
      running,
      conflicts: (await listConflicts(root)).length,
    }
  }

  async function run() {
    const current = library()
    running = true
    events.emit({ type: 'progress', task: 'sync', done: 0, total: 1 })
    try {
      const hint = touched === null ? undefined : [...ALWAYS_SCANNED, ...touched]
      touched = new Set()
      const outcome = await syncLibrary(current.root, {
        paths: hint,
        author: await authorFor(current.root),
        credentials: await settings.credentials(current.root),
        onProgress: (_phase, loaded, total) =>
          events.emit({
            type: 'progress',
            task: 'sync',
            done: loaded,
            total: Math.max(total, loaded),
          }),
      })
      // What arrived reaches the settings, the index and every window like any other change.
      await current.settings.refresh().catch(() => undefined)
      if (outcome.changedCaseIds.length > 0 || outcome.received > 0)
        await changed(outcome.changedCaseIds)
      const { status: s, sent, received, conflicts } = outcome
      return { status: s, sent, received, conflicts }
    } catch (error) {
      touched = null
      throw error
    } finally {
      running = false
      events.emit({ type: 'progress', task: 'sync', done: 1, total: 1 })
    }
  }

  const api: SyncApi = {
    'sync.status': () => asResult(status),
    'sync.configure': (input) =>
      asResult(async () => {
        const root = library().root
        if (input.remote) {
          assertHttpUrl(input.remote)
          await ensureRepository(gitContext(root), input.remote)
        }
        const { user, intervalMinutes, syncOnClose, token } = input
        await settings.save(root, { user, intervalMinutes, syncOnClose }, token)
        return status()
      }),
    'sync.test': (input) =>
      asResult(async () => {
        assertHttpUrl(input.remote)
        const root = library().root
        const token = input.token || (await settings.credentials(root))?.token
        const ctx = gitContext(root, token ? { user: input.user, token } : undefined)
        try {
          const info = await git.getRemoteInfo({
            http: ctx.http,
            url: input.remote,
            onAuth: ctx.onAuth,
            forPush: true,
          })
          return { empty: Object.keys(info.refs?.heads ?? {}).length === 0 }
        } catch (error) {
          throw syncFailure(error, input.remote)
        }
      }),
    'sync.run': () => asResult(run),
    'sync.clone': (input) =>
      asResult(async () => {
        const credentials = { user: input.user, token: input.token }
        const root = await cloneLibrary(input.remote, input.path, { credentials })
        await settings.save(
          root,
          { user: input.user, intervalMinutes: 0, syncOnClose: false },
          input.token,
        )
        return deps.switchTo(root)
      }),
    'sync.conflicts': () =>
      asResult(async () => ({ conflicts: await listConflicts(library().root) })),
    'sync.conflict': (id) => asResult(() => conflictDetail(library(), id)),
    'sync.resolve': (id, choice) =>
      asResult(async () => {
        const current = library()
        const author = await authorFor(current.root)
        // Resolving writes and commits: never at the same time as a sync of this library.
        const conflict = await withSyncLock(current.root, async () => {
          const resolved = await resolveConflict(current, id, choice)
          await recordChanges(gitContext(current.root), {
            author,
            now: new Date(),
            message: `${author.name}: 競合を解決 (resolved a conflict) — ${resolved.title}: ${CHOICE_LABEL[choice]}\n`,
          }).catch(() => [])
          return resolved
        })
        const ids = [conflict.path, conflict.copy ?? ''].map((p) => p.replace(/^cases\//, ''))
        await changed(conflict.kind === 'file' ? [] : ids.filter(Boolean))
        return { id }
      }),
    'history.list': (caseId) =>
      asResult(async () => ({ versions: await listCaseVersions(library().root, caseId) })),
    'history.restore': (caseId, commit) =>
      asResult(async () => {
        const doc = await restoreCaseVersion(library(), caseId, commit)
        await changed([caseId])
        return doc
      }),
  }
  return {
    ...api,
    async runSync() {
      await run()
    },
  }
}

async function conflictDetail(library: Library, id: string): Promise<ConflictDetail> {
  const conflict = await readConflict(library.root, id)
  if (!conflict) {
    throw new KbError('not_found', bilingual('この競合は見つかりません', 'Conflict not found'))
  }
  if (conflict.kind === 'case') {
    const side = async (caseId: string | undefined, label: string): Promise<ConflictSide> => {
      if (!caseId) return { label, text: null, size: 0 }
      const doc = await library.cases.get(caseId).catch(() => null)
      if (!doc) return { label, text: null, size: 0 }
      const text = `# ${doc.meta.title}\n\n${JSON.stringify(metaForDisplay(doc.meta), null, 2)}\n\n${doc.body}`
      return { label: caseId, text, size: text.length }
    }
    return {
      conflict,
      mine: await side(conflict.path, 'mine'),
      theirs: await side(conflict.copy, 'theirs'),
    }
  }
  const file = async (path: string | undefined): Promise<ConflictSide> => {
    if (!path) return { label: '', text: null, size: 0 }
    const bytes = await readFile(join(library.root, path)).catch(() => null)
    if (!bytes) return { label: path, text: null, size: 0 }
    return { label: path, text: asText(bytes), size: bytes.length }
  }
  return { conflict, mine: await file(conflict.path), theirs: await file(conflict.copy) }
}

/** The fields worth comparing (the housekeeping ones differ on every save). */
function metaForDisplay(meta: CaseMeta): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...meta }
  for (const key of ['schema', 'id', 'createdAt', 'updatedAt', 'revision', 'conflictOf'])
    delete rest[key]
  return rest
}

function asText(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return text.includes('\u0000') ? null : text
  } catch {
    return null
  }
}
