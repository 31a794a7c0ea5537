import type { ApiError, Result } from '../../../common/api'
import type { CaseMeta, DamagedCase, LibraryInfo } from '../../../common/model'
import { api } from '../api'
import { onLibraryChange, useApiValue } from '../hooks/use-api-value'

export interface LibraryState {
  status: 'loading' | 'ready' | 'error'
  info: LibraryInfo | null
  cases: CaseMeta[]
  damaged: DamagedCase[]
  error: ApiError | null
  /** A new object on every reload: lets dependent queries (search) run again. */
  version: object | undefined
  reload(): void
}

interface Loaded {
  info: LibraryInfo
  cases: CaseMeta[]
  damaged: DamagedCase[]
}

async function loadLibrary(): Promise<Result<Loaded>> {
  const [info, list] = await Promise.all([api.call('library.info'), api.call('cases.list')])
  if (!info.ok) return info
  if (!list.ok) return list
  return { ok: true, value: { info: info.value, ...list.value } }
}

/**
 * The open library's info and case list, reloaded whenever main reports a change (a save in
 * another window, a partner-type edit, a switch of library) so every screen shows what is on disk.
 */
export function useLibrary(): LibraryState {
  const loaded = useApiValue(loadLibrary, [], { refreshOn: onLibraryChange })
  const status = loaded.error ? 'error' : loaded.value ? 'ready' : 'loading'
  return {
    status,
    info: loaded.value?.info ?? null,
    cases: loaded.value?.cases ?? [],
    damaged: loaded.value?.damaged ?? [],
    error: loaded.error,
    version: loaded.value,
    reload: loaded.reload,
  }
}
