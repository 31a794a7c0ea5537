import { useState } from 'react'
import type { GlossaryEntry } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { useGlossary, useReloadGlossary } from '../state/library-context'
import { useNotify } from '../hooks/notify'
import './learn-common.css'
import './glossary-text.css'
import './glossary-editor.css'

/**
 * The glossary as a list a new hire can read, and — for whoever keeps it — an editor of
 * term / reading / definition rows saved into library.json.
 */
export function GlossaryEditor() {
  const notify = useNotify()
  const { t } = useI18n()
  const glossary = useGlossary()
  const reloadGlossary = useReloadGlossary()
  const [rows, setRows] = useState<GlossaryEntry[] | null>(null)
  const [saving, setSaving] = useState(false)

  const update = (i: number, patch: Partial<GlossaryEntry>) =>
    setRows((r) => r && r.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  const save = async () => {
    if (!rows) return
    const entries = rows
      .map((r) => ({
        term: r.term.trim(),
        ...(r.reading?.trim() ? { reading: r.reading.trim() } : {}),
        definition: r.definition.trim(),
      }))
      .filter((r) => r.term)
    setSaving(true)
    const result = await api.call('glossary.set', entries)
    setSaving(false)
    if (!result.ok) return notify(result.error.message)
    reloadGlossary()
    setRows(null)
    notify(t('learn.saved'))
  }

  return (
    <section className="learn-section" aria-labelledby="learn-glossary">
      <h2 id="learn-glossary">{t('learn.glossary')}</h2>
      <p className="muted">{t('learn.glossary.help')}</p>
      {rows === null ? (
        <>
          {glossary && glossary.length > 0 ? (
            <dl className="glossary-list">
              {glossary.map((entry) => (
                <div key={entry.term} className="glossary-entry">
                  <dt>
                    {entry.term}
                    {entry.reading && <span className="glossary-reading">{entry.reading}</span>}
                  </dt>
                  <dd>{entry.definition}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="learn-empty">{t('learn.glossary.none')}</p>
          )}
          <button
            type="button"
            className="button small"
            disabled={!glossary}
            onClick={() => setRows((glossary ?? []).map((e) => ({ ...e })))}
          >
            {t('learn.glossary.edit')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <table className="glossary-editor">
            <thead>
              <tr>
                <th scope="col">{t('learn.glossary.term')}</th>
                <th scope="col">{t('learn.glossary.reading')}</th>
                <th scope="col">{t('learn.glossary.definition')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('learn.glossary.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <td>
                    <input
                      aria-label={t('learn.glossary.termN', { n: i + 1 })}
                      value={row.term}
                      required
                      maxLength={60}
                      onChange={(e) => update(i, { term: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('learn.glossary.readingN', { n: i + 1 })}
                      value={row.reading ?? ''}
                      maxLength={120}
                      onChange={(e) => update(i, { reading: e.target.value })}
                    />
                  </td>
                  <td>
                    <textarea
                      aria-label={t('learn.glossary.definitionN', { n: i + 1 })}
                      value={row.definition}
                      rows={2}
                      required
                      maxLength={1000}
                      onChange={(e) => update(i, { definition: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={t('learn.glossary.removeN', { n: i + 1 })}
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    >
                      {t('learn.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="learn-actions">
            <button
              type="button"
              className="button"
              onClick={() => setRows([...rows, { term: '', reading: '', definition: '' }])}
            >
              ＋ {t('learn.glossary.add')}
            </button>
            <button type="submit" className="button primary" disabled={saving}>
              {t('learn.save')}
            </button>
            <button type="button" className="button" onClick={() => setRows(null)}>
              {t('learn.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
