import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { errorMessage } from '../../common/error-message'
import { describeIssues } from './case-schema'
import { KbError, bilingual } from './errors'

/**
 * The one way a stored JSON file (case.json, library.json, decks, paths, package entries) is read:
 * parsed, checked against its zod schema, and reported as `damaged` with the file and the reason
 * in the same words everywhere. A damaged file is never written over by its caller.
 */
export interface StoredFile {
  /** How the file is named in messages, e.g. `cases/abc/case.json`. */
  label: string
  /** When set, the value's `id` must equal it: the folder name or the file name it is stored under. */
  id?: { value: string; from: 'folder' | 'file' }
}

export function damagedFile(label: string, ja: string, en: string): KbError {
  return new KbError(
    'damaged',
    bilingual(`${label} が読めません: ${ja}`, `${label} is damaged: ${en}`),
  )
}

/** Validates a value already parsed from a stored file. */
export function parseStoredValue<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: StoredFile,
): z.infer<S> {
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const details = issueText(parsed.error)
    throw damagedFile(file.label, `項目が不正です（${details}）`, `invalid fields (${details})`)
  }
  const id = (parsed.data as { id?: unknown }).id
  if (file.id && id !== file.id.value) {
    const [ja, en] =
      file.id.from === 'folder'
        ? ['フォルダ名', 'the folder name']
        : ['ファイル名', 'the file name']
    throw damagedFile(
      file.label,
      `id「${String(id)}」が${ja}と一致しません`,
      `id "${String(id)}" does not match ${en}`,
    )
  }
  return parsed.data
}

/** Parses JSON text (a byte-order mark from Windows editors is not part of it) and validates it. */
export function parseStoredJson<S extends z.ZodType>(
  schema: S,
  text: string,
  file: StoredFile,
): z.infer<S> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const reason = errorMessage(error)
    throw damagedFile(
      file.label,
      `JSONとして解釈できません（${reason}）`,
      `not valid JSON (${reason})`,
    )
  }
  return parseStoredValue(schema, data, file)
}

/** Reads a stored JSON file; null when it does not exist. */
export async function readStoredJson<S extends z.ZodType>(
  schema: S,
  path: string,
  file: StoredFile,
): Promise<z.infer<S> | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return parseStoredJson(schema, text, file)
}

/**
 * Validates input from a caller (an API argument, an imported record): an `invalid` error that
 * names each wrong field, led by what was being checked (e.g. 読書パス / reading path).
 */
export function validInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: { ja: string; en: string },
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const details = issueText(parsed.error)
    throw new KbError(
      'invalid',
      bilingual(`${what.ja}の内容が不正です（${details}）`, `Invalid ${what.en} (${details})`),
      { issues: describeIssues(parsed.error) },
    )
  }
  return parsed.data
}

function issueText(error: z.ZodError): string {
  return describeIssues(error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ')
}
