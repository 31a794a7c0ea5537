import { useEffect, useState } from 'react'
import type { GlossaryEntry, LibraryInfo } from '../../../common/model'
import { composeQuery, type SearchFilter } from '../../../common/search/query-syntax'
import { api } from '../api'

/** A label without its parenthesised explanation: 「他の公的機関（社協・学校・他自治体）」→「他の公的機関」. */
export const shortLabel = (label: string) => label.replace(/\s*[（(].*$/, '')

/** The hash of the search that lists the cases behind one bar, cell or chip. */
export function searchHref(filter: SearchFilter): string {
  return `#/search?q=${encodeURIComponent(composeQuery(filter))}`
}

/**
 * A value loaded once per window and shared by every component that shows it (the glossary is
 * used by many small <GlossaryText>s; library info by the related-case list). `set` replaces it
 * after an edit so every user re-renders with the new value.
 */
function sharedValue<T>(load: () => Promise<T | undefined>) {
  let value: T | undefined
  let pending: Promise<void> | null = null
  const listeners = new Set<(value: T | undefined) => void>()
  const set = (next: T | undefined) => {
    value = next
    for (const listener of listeners) listener(next)
  }
  const ensure = () => {
    watchLibrarySwitch()
    pending ??= load().then(set, () => set(undefined))
  }
  function useValue(): T | undefined {
    const [current, setCurrent] = useState(value)
    useEffect(() => {
      listeners.add(setCurrent)
      ensure()
      return () => {
        listeners.delete(setCurrent)
      }
    }, [])
    return current
  }
  /** Forget the value (tests, another library opened); the next user loads it again. */
  const reset = () => {
    value = undefined
    pending = null
  }
  return { useValue, set, reset }
}

async function glossaryLoad(): Promise<GlossaryEntry[]> {
  const result = await api.call('glossary.get')
  return result.ok ? result.value.entries : []
}
const glossary = sharedValue<GlossaryEntry[]>(glossaryLoad)

/** The library's glossary, loaded once and shared; undefined while loading. */
export const useGlossary = glossary.useValue
/** Replaces the shared glossary after it was saved. */
export const setSharedGlossary = (entries: GlossaryEntry[]) => glossary.set(entries)

async function infoLoad(): Promise<LibraryInfo | undefined> {
  const result = await api.call('library.info')
  return result.ok ? result.value : undefined
}
const libraryInfo = sharedValue<LibraryInfo>(infoLoad)

/** library.info(), loaded once and shared (for partner-type labels and the library path). */
export const useLibraryInfo = libraryInfo.useValue

/** For tests: forget every shared value. */
export function resetLearnCaches(): void {
  glossary.reset()
  libraryInfo.reset()
}

/** Where a reader's progress through a path is kept: per library and path, on this machine. */
export function progressKey(libraryPath: string, pathId: string): string {
  return `kb.pathProgress:${libraryPath}:${pathId}`
}

export interface PathProgress {
  /** Case ids of the steps read. */
  read: string[]
  /** The step the reader was at. */
  at: number
}

export function loadProgress(key: string): PathProgress {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<PathProgress> | null
    return {
      read: Array.isArray(raw?.read) ? raw.read.filter((id) => typeof id === 'string') : [],
      at: typeof raw?.at === 'number' && raw.at >= 0 ? Math.floor(raw.at) : 0,
    }
  } catch {
    return { read: [], at: 0 }
  }
}

export function storeProgress(key: string, progress: PathProgress): void {
  try {
    localStorage.setItem(key, JSON.stringify(progress))
  } catch {
    // Storage can be disabled by policy; progress then lasts this session only.
  }
}

let watching = false
/** A library opened in place of another has other terms and other partner types. */
function watchLibrarySwitch(): void {
  if (watching) return
  watching = true
  // One subscription for the window's lifetime, made on first use (not at import time).
  api.onEvent((event) => {
    if (event.type !== 'library.opened') return
    resetLearnCaches()
    void glossaryLoad().then(glossary.set)
    void infoLoad().then(libraryInfo.set)
  })
}
