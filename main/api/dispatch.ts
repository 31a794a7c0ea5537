import type { KbApi, KbMethod, Result } from '../../common/api'
import { KB_METHODS } from '../../common/api'
import { describeIssues } from '../core/case-schema'
import { bilingual, fail } from '../core/errors'
import { argumentSchemas } from './schemas'
import { errorMessage } from '../../common/error-message'

const METHOD_NAMES: ReadonlySet<string> = new Set(KB_METHODS)

export function isKbMethod(name: unknown): name is KbMethod {
  return typeof name === 'string' && METHOD_NAMES.has(name)
}

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>

/**
 * The one entry point both transports (IPC and HTTP) call: checks the method name against the
 * contract's table, validates the arguments with the method's schema, then calls the service.
 * Nothing unvalidated ever reaches core.
 */
export function createDispatch(service: KbApi): Dispatch {
  return async (method, args) => {
    if (!isKbMethod(method)) {
      return fail(
        'invalid',
        bilingual(
          `不明な操作です: ${typeof method === 'string' ? method.slice(0, 60) : typeof method}`,
          'Unknown method',
        ),
      )
    }
    const parsed = argumentSchemas[method].safeParse(args)
    if (!parsed.success) {
      return fail('invalid', bilingual('引数が不正です', 'Invalid arguments'), {
        issues: describeIssues(parsed.error),
      })
    }
    try {
      const call = service[method] as (...a: unknown[]) => Promise<Result<unknown>>
      return await call(...(parsed.data as unknown[]))
    } catch (error) {
      const reason = errorMessage(error)
      return fail('io', bilingual(`予期しないエラー: ${reason}`, `Unexpected error: ${reason}`))
    }
  }
}
