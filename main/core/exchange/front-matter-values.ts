/** Readers of loose front matter values: text, numbers, lists, dates and timestamps. */

export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d{4}/.test(value.trim()))
    return Number(value.trim().slice(0, 4))
  return undefined
}

/** A list from a YAML list, or from "a, b、c" / "#a #b" text. */
export function listOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return value.map((v) => textOf(v)).filter((v): v is string => !!v)
  const text = textOf(value)
  if (text === undefined) return undefined
  return text
    .split(/[,、，]|\s+(?=#)/)
    .map((t) => t.trim())
    .filter(Boolean)
}

/** "2019/4", "2019-4-1", "2019年4月", "2019-04-01T10:00" → "2019-04" / "2019-04-01". */
export function dateOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim()
  if (!text) return undefined
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/.exec(text)
  if (!m) return undefined
  const month = m[2]!.padStart(2, '0')
  if (Number(month) < 1 || Number(month) > 12) return undefined
  if (!m[3]) return `${m[1]}-${month}`
  const day = m[3].padStart(2, '0')
  return Number(day) >= 1 && Number(day) <= 31 ? `${m[1]}-${month}-${day}` : `${m[1]}-${month}`
}

export function timestampOf(value: unknown): string | undefined {
  const text = textOf(value)?.trim()
  if (!text) return undefined
  const date = dateOf(text)
  // A bare date is taken as midnight in Japan, where these files are written.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00+09:00`)
    : Date.parse(text)
  if (!Number.isNaN(time)) return new Date(time).toISOString()
  if (date)
    return new Date(
      Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00+09:00`),
    ).toISOString()
  return undefined
}
