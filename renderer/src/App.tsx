import { useEffect, useState } from 'react'
import type { CaseMeta } from '../../preload/contract'
import { api } from './api'

export function App() {
  const [cases, setCases] = useState<CaseMeta[] | null>(null)
  useEffect(() => {
    void api.call('cases.list').then((r) => r.ok && setCases(r.value.cases))
  }, [])
  return (
    <main>
      <h1>協働ナレッジベース</h1>
      <ul aria-label="事例一覧">
        {cases?.map((c) => (
          <li key={c.id}>{c.title}</li>
        ))}
      </ul>
    </main>
  )
}
