import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import type { SyncAuthor, SyncCredentials } from '../core/sync/git-context'

/**
 * Credentials for the CLI: KB_SYNC_USER and KB_SYNC_TOKEN, or a prompt when a person is at a
 * terminal. Never from a file in the library or from .git/config.
 */
export async function cliCredentials(
  env: NodeJS.ProcessEnv = process.env,
  input: NodeJS.ReadStream = process.stdin,
): Promise<SyncCredentials | undefined> {
  let user = env.KB_SYNC_USER
  let token = env.KB_SYNC_TOKEN
  if ((!user || !token) && input.isTTY) {
    user ||= await ask('ユーザー名 (user name): ', false)
    token ||= await ask('トークン (token): ', true)
  }
  return user && token ? { user, token } : undefined
}

/** Who the commits are by: KB_SYNC_AUTHOR, else the sync user, else the OS account. */
export function cliAuthor(credentials?: SyncCredentials, env = process.env): SyncAuthor {
  return { name: env.KB_SYNC_AUTHOR || credentials?.user || safeUserName() }
}

function safeUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'kb'
  }
}

async function ask(question: string, secret: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  if (secret) {
    // Echo nothing while the token is typed.
    const writable = rl as unknown as { _writeToOutput: (text: string) => void }
    writable._writeToOutput = (text: string) => {
      if (text.includes(question)) process.stderr.write(question)
    }
  }
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve))
  rl.close()
  if (secret) process.stderr.write('\n')
  return answer.trim()
}
