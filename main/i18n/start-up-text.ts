import { startUpEn } from './start-up.en'
import { startUpJa, type StartUpMessageKey } from './start-up.ja'

type Vars = Record<string, string>

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
}

/** One message in Japanese. */
export function ja(key: StartUpMessageKey, vars: Vars = {}): string {
  return fill(startUpJa[key], vars)
}

/** One message in English. */
export function en(key: StartUpMessageKey, vars: Vars = {}): string {
  return fill(startUpEn[key], vars)
}

/** A short label in both languages, for buttons and titles: 「再試行 / Retry」. */
export function both(key: StartUpMessageKey, vars: Vars = {}): string {
  const [jaText, enText] = [ja(key, vars), en(key, vars)]
  return jaText === enText ? jaText : `${jaText} / ${enText}`
}
