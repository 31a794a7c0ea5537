import { useState } from 'react'
import type { FacetCount, TagEdit } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { useNotify } from '../hooks/notify'

/**
 * Rename, merge or delete a tag across every case. The number of cases that will change is shown
 * (and confirmed) before anything is written; main undoes a half-finished edit on failure.
 */
export function TagManager({ tags }: { tags: FacetCount[] }) {
  const notify = useNotify()
  const { t } = useI18n()
  const [selected, setSelected] = useState<string[]>([])
  const [target, setTarget] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (edit: TagEdit) => {
    setBusy(true)
    const preview = await api.call('tags.preview', edit)
    if (!preview.ok) {
      setBusy(false)
      return notify(preview.error.message)
    }
    if (!window.confirm(t('tags.confirm', { n: preview.value.ids.length }))) return setBusy(false)
    const result = await api.call('tags.apply', edit)
    setBusy(false)
    if (!result.ok) return notify(result.error.message)
    notify(t('tags.done', { n: result.value.changed.length }))
    setSelected([])
    setTarget('')
  }
  const toggle = (tag: string) =>
    setSelected((list) => (list.includes(tag) ? list.filter((x) => x !== tag) : [...list, tag]))

  return (
    <section className="settings-group" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tags.title')}</h2>
      <p className="muted small">{t('tags.help')}</p>
      <ul className="tag-picker">
        {tags.map((tag) => (
          <li key={tag.key}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(tag.key)}
                onChange={() => toggle(tag.key)}
              />
              {tag.key}
              <span className="count">{tag.count}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="inline">
        <label htmlFor="tag-target" className="visually-hidden">
          {t('tags.newName')}
        </label>
        <input
          id="tag-target"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder={t('tags.newName')}
        />
        <button
          type="button"
          className="button"
          disabled={busy || selected.length !== 1 || !target.trim()}
          onClick={() => void run({ kind: 'rename', from: selected[0]!, to: target.trim() })}
        >
          {t('tags.rename')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || selected.length < 2 || !target.trim()}
          onClick={() => void run({ kind: 'merge', from: selected, to: target.trim() })}
        >
          {t('tags.merge')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={busy || selected.length !== 1}
          onClick={() => void run({ kind: 'delete', tag: selected[0]! })}
        >
          {t('tags.delete')}
        </button>
      </div>
    </section>
  )
}
