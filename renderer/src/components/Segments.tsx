import type { TextSegment } from '../../../common/model'

/** Text with the matched parts marked; built from segments, never from HTML strings. */
export function Segments({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  )
}
