import { useEffect, useState } from 'react'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { useNotify } from '../hooks/notify'

/** The synonym table (表記ゆれ): one group per line, words separated by commas or 、. */
export function SynonymEditor() {
  const notify = useNotify()
  const { t } = useI18n()
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    void api
      .call('library.synonyms')
      .then((r) => r.ok && setText(r.value.synonyms.map((g) => g.join('、')).join('\n')))
  }, [])
  const save = async () => {
    const groups = (text ?? '')
      .split('\n')
      .map((line) =>
        line
          .split(/[,、，]/)
          .map((w) => w.trim())
          .filter(Boolean),
      )
      .filter((g) => g.length >= 2)
    const result = await api.call('library.setSynonyms', groups)
    notify(result.ok ? t('synonyms.saved', { n: groups.length }) : result.error.message)
  }
  return (
    <section className="settings-group" aria-labelledby="synonyms-title">
      <h2 id="synonyms-title">{t('synonyms.title')}</h2>
      <label htmlFor="synonyms" className="muted small">
        {t('synonyms.help')}
      </label>
      <textarea
        id="synonyms"
        className="synonyms"
        rows={8}
        value={text ?? ''}
        onChange={(e) => setText(e.target.value)}
        disabled={text === null}
      />
      <div className="inline">
        <button
          type="button"
          className="button primary"
          onClick={() => void save()}
          disabled={text === null}
        >
          {t('editor.save')}
        </button>
      </div>
    </section>
  )
}
