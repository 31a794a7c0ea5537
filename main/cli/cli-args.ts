/** Where a command writes; injected so tests can capture it. */
export interface Output {
  stdout(text: string): void
  stderr(text: string): void
}

/** Bad command-line usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[]
  flags: Set<string>
  options: Map<string, string>
}

/**
 * Splits arguments into positionals, boolean flags and `--name value` options. Anything not in
 * the command's lists is a usage error, so a typo never silently does something else.
 */
export function parseArgs(
  argv: string[],
  spec: { flags?: string[]; options?: string[]; positional: string[] },
): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Set(), options: new Map() }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--')) {
      const name = arg.slice(2)
      if (spec.flags?.includes(name)) parsed.flags.add(name)
      else if (spec.options?.includes(name)) {
        const value = argv[++i]
        if (value === undefined)
          throw new UsageError(`--${name} に値が必要です (--${name} needs a value)`)
        parsed.options.set(name, value)
      } else throw new UsageError(`不明なオプションです (unknown option): ${arg}`)
    } else parsed.positional.push(arg)
  }
  if (parsed.positional.length !== spec.positional.length) {
    throw new UsageError(
      `引数が足りないか多すぎます: ${spec.positional.map((p) => `<${p}>`).join(' ')} が必要です ` +
        `(expected ${spec.positional.map((p) => `<${p}>`).join(' ')})`,
    )
  }
  return parsed
}
