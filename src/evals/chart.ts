// A dependency-free SVG line chart of recall@k per retriever, for the markdown report.
import { escapeXml } from './escape.ts'

export type Series = { name: string; values: number[]; colour: string }

export type ChartOptions = { width?: number; height?: number; title?: string }

/** Plots each series' values at k = 1..n on a 0–1 y axis. */
export const recallChart = (
  series: Series[],
  { width = 640, height = 360, title = 'recall@k' }: ChartOptions = {}
): string => {
  const margin = { top: 40, right: 120, bottom: 44, left: 52 }
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  const n = Math.max(...series.map((s) => s.values.length), 1)
  const x = (k: number) => margin.left + (n === 1 ? plotW / 2 : ((k - 1) / (n - 1)) * plotW)
  const y = (v: number) => margin.top + (1 - v) * plotH
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (v) =>
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>` +
      `<text x="${margin.left - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(2)}</text>`
  )
  const ticks = Array.from(
    { length: n },
    (_, i) =>
      `<text x="${x(i + 1)}" y="${margin.top + plotH + 16}" text-anchor="middle" font-size="11">${i + 1}</text>`
  )
  const lines = series.map((s, i) => {
    const points = s.values.map((v, k) => `${x(k + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
    const dots = s.values
      .map(
        (v, k) =>
          `<circle cx="${x(k + 1).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.colour}"/>`
      )
      .join('')
    const legendY = margin.top + 16 + i * 20
    return (
      `<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${points}"/>${dots}` +
      `<line x1="${margin.left + plotW + 14}" x2="${margin.left + plotW + 34}" y1="${legendY}" y2="${legendY}" stroke="${s.colour}" stroke-width="2"/>` +
      `<text x="${margin.left + plotW + 40}" y="${legendY + 4}" font-size="12">${escapeXml(s.name)}</text>`
    )
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    ...grid,
    ...ticks,
    `<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle" font-size="12">k</text>`,
    ...lines,
    '</svg>',
    '',
  ].join('\n')
}
