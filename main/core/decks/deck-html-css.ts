import { BODY_FONT_PT, POINT_FONT_PT, SLIDE_H, SLIDE_W, TABLE_FONT_PT } from './slide-layout'
import { CSS_FONT_STACK, THEME } from './slide-theme'

/** Inches on the slide, as CSS (the slide is 13.333 in wide = 100cqw). */
export function inch(n: number): string {
  return `${((n / SLIDE_W) * 100).toFixed(3)}cqw`
}
export function pt(n: number): string {
  return inch(n / 72)
}

/**
 * The handout's page layouts. 1 per page: with notes A4 portrait, the slide on top and its
 * notes under it; without, A4 landscape filled by the slide. 2 per page: with notes A4
 * portrait, each slide beside its notes; without, A4 portrait with the two slides stacked.
 * Notes are never clipped: a long one continues on the next page (the slide itself is never
 * split), so the printed handout carries every word of the speaker notes.
 */
export function handoutCss(perPage: 1 | 2, notes: boolean): string {
  const c = (hex: string) => `#${hex}`
  const landscape = perPage === 1 && !notes
  const page = landscape ? 'A4 landscape' : 'A4 portrait'
  const side = perPage === 2 && notes
  const itemLayout = side
    ? '.item{display:flow-root}.item .slide{float:left;width:52%}.item .notes{margin-left:55%;padding-top:0}'
    : ''
  return `
@page{size:${page};margin:10mm}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${CSS_FONT_STACK};color:${c(THEME.text)};background:#e9edf2;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:${landscape ? 277 : 190}mm;margin:0 auto;padding:6mm 0;break-after:page}
.page:last-child{break-after:auto}
.item{margin-bottom:6mm}
.slide{position:relative;width:100%;aspect-ratio:16/9;container-type:inline-size;background:#fff;overflow:hidden;border:0.3mm solid ${c(THEME.rule)};line-height:1.35;break-inside:avoid;word-break:keep-all;overflow-wrap:anywhere}
.slide p,.slide h1,.slide h2{margin:0}
.notes{white-space:pre-wrap;font-size:9pt;line-height:1.5;color:#333;padding:3mm 1mm 0;overflow-wrap:anywhere}
.band{position:absolute;left:0;top:0;width:100%;height:${inch(0.18)};background:${c(THEME.navy)}}
.num{position:absolute;right:${inch(0.4)};bottom:${inch(0.2)};font-size:${pt(10)};color:${c(THEME.muted)}}
.case-line{position:absolute;left:${inch(0.6)};top:${inch(0.3)};width:${inch(SLIDE_W - 1.2)};font-size:${pt(12)};color:${c(THEME.muted)};white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.slide h2{position:absolute;left:${inch(0.6)};top:${inch(0.7)};width:${inch(SLIDE_W - 1.2)};height:${inch(0.65)};display:flex;align-items:center;font-size:${pt(28)};color:${c(THEME.navy)};border-bottom:${inch(0.03)} solid ${c(THEME.accent)}}
.body{position:absolute;left:${inch(0.6)};top:${inch(1.5)};width:${inch(SLIDE_W - 1.2)};height:${inch(SLIDE_H - 2.1)}}
.text p{font-size:${pt(BODY_FONT_PT)};margin-bottom:${pt(10)};line-height:1.3}
.points p{font-size:${pt(POINT_FONT_PT)}}
.text p.h{font-weight:bold;color:${c(THEME.navy)}}
.text p.li{position:relative;padding-left:${pt(24)}}
.text p.li::before{content:'•';position:absolute;left:${pt(4)}}
.text p.l1{margin-left:${pt(24)}}.text p.l2{margin-left:${pt(48)}}.text p.l3{margin-left:${pt(72)}}
.kind-title{background:${c(THEME.navy)};color:#fff}
.title-block{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;padding:0 ${inch(0.6)}}
.title-block h1{font-weight:bold;line-height:1.3}
.subtitle{font-size:${pt(24)};color:#dde6f0;margin-top:${inch(0.3)}!important}
.byline{font-size:${pt(20)};color:#dde6f0;margin-top:${inch(0.6)}!important}
.agenda-title{font-size:${pt(22)};font-weight:bold;color:${c(THEME.navy)};margin-top:${pt(8)}!important}
.agenda-facts{font-size:${pt(20)};color:${c(THEME.muted)};padding-left:${pt(24)}}
.case-title{position:absolute;left:${inch(0.6)};top:${inch(0.4)};width:${inch(SLIDE_W - 1.2)};height:${inch(1.45)};display:flex;align-items:center;color:${c(THEME.navy)};line-height:1.3}
.chips{position:absolute;left:${inch(0.6)};top:${inch(2.0)};display:flex;gap:${inch(0.15)}}
.chip{color:#fff;font-weight:bold;font-size:${pt(16)};padding:${inch(0.07)} ${inch(0.25)};border-radius:${inch(0.15)}}
.facts{position:absolute;left:${inch(0.6)};top:${inch(2.6)};width:${inch(SLIDE_W - 1.2)};font-size:${pt(20)};color:${c(THEME.muted)}}
.facts span{white-space:nowrap}.facts .sep{padding:0 ${pt(12)}}
.slide hr{position:absolute;left:${inch(0.6)};top:${inch(3.5)};width:${inch(SLIDE_W - 1.2)};border:0;border-top:1px solid ${c(THEME.rule)};margin:0}
.summary{position:absolute;left:${inch(0.6)};top:${inch(3.65)};width:${inch(SLIDE_W - 1.2)}}
.summary p{font-size:${pt(POINT_FONT_PT)}}
.closing-byline{position:absolute;left:${inch(0.6)};top:${inch(6.45)};font-size:${pt(16)};color:${c(THEME.muted)}}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:${pt(TABLE_FONT_PT)}}
th,td{border:1px solid ${c(THEME.rule)};padding:${pt(4)} ${pt(6)};text-align:left;vertical-align:middle}
thead th{background:${c(THEME.navy)};color:#fff}
tbody tr:nth-child(odd) td{background:${c(THEME.light)}}
td:first-child{font-weight:bold}
table.scores{font-size:${pt(20)};margin-bottom:${pt(16)}}
table.scores th{width:40%;color:${c(THEME.navy)}}
table.scores td{font-weight:normal;color:${c(THEME.accent)};font-size:${pt(24)}}
.figures{display:grid;gap:${inch(0.3)};align-content:center}
.figures.n1{grid-template-columns:1fr}.figures.n2{grid-template-columns:1fr 1fr}.figures.n3{grid-template-columns:1fr 1fr 1fr}
.figure{background:${c(THEME.light)};border:1px solid ${c(THEME.rule)};border-radius:${inch(0.1)};height:${inch(2.4)};display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;padding:${inch(0.15)}}
.value{color:${c(THEME.accent)};font-weight:bold;font-size:${pt(22)}}
.value b{font-size:${pt(54)}}
.label{font-size:${pt(20)};margin-top:${inch(0.15)}!important}
.slide img{position:absolute;object-fit:contain}
.caption{position:absolute;text-align:center;font-size:${pt(11)};color:${c(THEME.muted)}}
.missing{font-size:${pt(24)};font-weight:bold;color:${c(THEME.warn)};margin-bottom:${pt(12)}!important}
.muted{color:${c(THEME.muted)};font-size:${pt(20)}}
${itemLayout}
@media print{body{background:#fff}.page{max-width:none;padding:0}}
`
}
