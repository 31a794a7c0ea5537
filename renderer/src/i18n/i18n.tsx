import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { en } from './en'
import { ja, type MessageKey } from './ja'

export type Language = 'ja' | 'en'
const MESSAGES: Record<Language, Record<MessageKey, string>> = { ja, en }
const STORAGE_KEY = 'kb.language'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

interface I18n {
  language: Language
  setLanguage(language: Language): void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja'
  } catch {
    return 'ja'
  }
}

/** Japanese by default; the choice made in settings is remembered on this machine. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(initial ?? storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage can be disabled by policy on locked-down PCs; the choice then lasts this session.
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const value = useMemo<I18n>(() => {
    const t = translateWith(MESSAGES[language])
    return { language, setLanguage, t }
  }, [language, setLanguage])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

function translateWith(messages: Record<MessageKey, string>): Translate {
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`))
}

/**
 * Translation outside React (the API transport's own errors), in the language chosen in
 * settings. Screens use `useI18n().t`.
 */
export const translateNow: Translate = (key, params) =>
  translateWith(MESSAGES[storedLanguage()])(key, params)

export function useI18n(): I18n {
  const context = useContext(I18nContext)
  if (!context) throw new Error('useI18n outside I18nProvider')
  return context
}
