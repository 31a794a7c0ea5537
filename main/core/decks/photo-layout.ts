import type { SlidePhoto } from '../../../common/decks/slide-types'

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * Where each photo of a slide goes inside `area` (any unit): one large, two side by side, three
 * or four in a 2 × 2 grid; each image fitted to its cell keeping the aspect ratio, with a
 * caption line under it. Shared by the PowerPoint and the print export.
 */
export function photoFrames(photos: SlidePhoto[], area: Box): { image: Box; caption: Box }[] {
  const n = photos.length
  const cols = n <= 1 ? 1 : 2
  const rows = n <= 2 ? 1 : 2
  const gap = area.w * 0.025
  const captionH = area.h * (rows === 1 ? 0.07 : 0.09)
  const cellW = (area.w - gap * (cols - 1)) / cols
  const cellH = (area.h - gap * (rows - 1)) / rows
  return photos.map((photo, i) => {
    const cx = area.x + (i % cols) * (cellW + gap)
    const cy = area.y + Math.floor(i / cols) * (cellH + gap)
    const maxW = cellW
    const maxH = cellH - captionH
    const ratio = photo.width && photo.height ? photo.width / photo.height : 4 / 3
    let w = maxW
    let h = w / ratio
    if (h > maxH) {
      h = maxH
      w = h * ratio
    }
    const image = { x: cx + (maxW - w) / 2, y: cy + (maxH - h) / 2, w, h }
    return { image, caption: { x: cx, y: image.y + h, w: cellW, h: captionH } }
  })
}
