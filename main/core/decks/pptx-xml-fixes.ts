import JSZip from 'jszip'
import { PPTX_FALLBACK_FONT, PPTX_FONT } from './slide-theme'

/**
 * Fixes to what pptxgenjs writes, applied to the zip:
 * - it sets the run fonts (latin, ea and cs = Meiryo) but leaves the theme's East-Asian font
 *   empty; notes and anything typed later in PowerPoint use the theme, so set it to Meiryo and
 *   the Japanese script fallback to Yu Gothic;
 * - it writes an `<a:pPr>` before every run of a paragraph, where OOXML allows one, first; a
 *   paragraph of several runs would then lose its bullet (or make PowerPoint repair the file),
 *   so keep only the first;
 * - its line breaks (`<a:br/>`) carry no size, so the line they end would take the default
 *   18 pt height; give each the size of the run after it.
 */
export async function fixPptxXml(pptxData: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptxData)
  const names = Object.keys(zip.files)
  for (const name of names.filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    zip.file(
      name,
      xml
        .replaceAll('<a:ea typeface=""/>', `<a:ea typeface="${PPTX_FONT}"/>`)
        .replace(
          /<a:font script="Jpan" typeface="[^"]*"\/>/g,
          `<a:font script="Jpan" typeface="${PPTX_FALLBACK_FONT}"/>`,
        ),
    )
  }
  for (const name of names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    zip.file(
      name,
      xml
        .replace(
          /<a:p>([\s\S]*?)<\/a:p>/g,
          (_, inner: string) => `<a:p>${singleParagraphProps(inner)}</a:p>`,
        )
        .replace(
          /<a:br\/>(<a:r><a:rPr [^>]*?sz="(\d+)")/g,
          (_, next: string, size: string) =>
            `<a:br><a:rPr lang="ja-JP" sz="${size}"/></a:br>${next}`,
        ),
    )
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

const PARAGRAPH_PROPS = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g

function singleParagraphProps(inner: string): string {
  let first = true
  return inner.replace(PARAGRAPH_PROPS, (match) => {
    if (first) {
      first = false
      return match
    }
    return ''
  })
}
