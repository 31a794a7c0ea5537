import { KbError, bilingual } from '../errors'

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
])

/**
 * Turns what isomorphic-git and the network throw into one clear bilingual message. Every
 * failure here happens before the working copy is touched or after it is committed, so each
 * message can promise that nothing local was lost.
 */
export function syncFailure(error: unknown, remote: string): KbError {
  if (error instanceof KbError) return error
  const err = error as { code?: string; data?: { statusCode?: number }; cause?: { code?: string } }
  const status = err.data?.statusCode
  if (err.code === 'HttpError' && (status === 401 || status === 403)) {
    return new KbError(
      'invalid',
      bilingual(
        'サーバーが認証を拒否しました。ユーザー名とトークンを確認してください。ローカルの変更はそのまま残っています。',
        'The server refused the user name or token. Please check them; nothing changed locally.',
      ),
    )
  }
  if (err.code === 'UrlParseError' || err.code === 'UnknownTransportError') {
    return new KbError(
      'invalid',
      bilingual(
        `リモートは http:// または https:// で始まる URL にしてください: ${remote}`,
        `The remote must be an http:// or https:// URL: ${remote}`,
      ),
    )
  }
  const code = err.code ?? err.cause?.code
  if (
    (code && NETWORK_CODES.has(code)) ||
    err.code === 'HttpError' ||
    /fetch failed|socket/i.test(String(error))
  ) {
    const detail = status ? `HTTP ${status}` : (code ?? String(error))
    return new KbError(
      'io',
      bilingual(
        `サーバーに接続できません（${detail}）。ローカルの変更は保存されており、次の同期で送信されます。`,
        `Cannot reach the server (${detail}). Local changes are kept and will be sent by the next sync.`,
      ),
    )
  }
  // isomorphic-git's MultipleGitError wraps the real causes (one per file in a parallel add).
  const inner = (error as { errors?: unknown[] }).errors?.[0]
  const reason =
    inner instanceof Error ? inner.message : error instanceof Error ? error.message : String(error)
  return new KbError(
    'io',
    bilingual(
      `同期に失敗しました: ${reason}。ローカルの変更はそのまま残っています。`,
      `Sync failed: ${reason}. Local changes are kept.`,
    ),
  )
}

export function alreadySyncing(): KbError {
  return new KbError(
    'conflict',
    bilingual(
      'このライブラリは別のウィンドウかコマンドで同期中です。終わってからもう一度お試しください。',
      'This library is being synced by another window or command; please try again when it has finished.',
    ),
  )
}
