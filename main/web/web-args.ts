export interface WebArgs {
  library?: string
  port?: number
}

const USAGE = 'usage: npm run web -- [--library <dir>] [--port <n>]'

/** Parses the web host's command line; returns an error message (with usage) for bad input. */
export function parseWebArgs(argv: string[]): WebArgs | { error: string } {
  const args: WebArgs = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (flag === '--library' && value) {
      args.library = value
      i++
    } else if (flag === '--port' && value) {
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        return { error: `ポート番号が不正です (invalid port): ${value}\n${USAGE}` }
      }
      args.port = port
      i++
    } else {
      return { error: `不明な引数です (unknown argument): ${flag}\n${USAGE}` }
    }
  }
  return args
}
