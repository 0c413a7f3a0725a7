// SVG charts of corpus statistics, drawn as text: bars and a line, themed by CSS classes, with titles for screen readers.

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export interface ChartText {
  /** The chart's title (also its accessible name). */
  readonly title: string;
  /** A sentence saying what the chart shows, for screen readers. */
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
}

/** Formats a count for display (the editor passes the UI language's grouping). */
export type NumberFormat = (n: number) => string;

const WIDTH = 640;
const HEIGHT = 300;
const FONT = 12;
/** Characters of a word shown beside its bar (the bar's title has it whole). */
const LONGEST_LABEL = 32;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** 1, 2 or 5 times a power of ten: tick steps a reader can add up. */
function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return 10 * power;
}

function ticksUpTo(max: number, count: number): number[] {
  const step = niceStep(max, count);
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2 && ticks.length <= count + 1; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function open(id: string, text: ChartText, width: number, height: number): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg" font-size="${FONT}">` +
    `<title id="${id}-title">${escapeXml(text.title)}</title><desc id="${id}-desc">${escapeXml(text.description)}</desc>`
  );
}

/** Grid lines across the plot at the value ticks, each labelled left of the axis. */
function valueGrid(ticks: readonly number[], y: (v: number) => number, left: number, right: number, format: NumberFormat): string[] {
  return ticks.flatMap((t) => [
    `<line class="grid" x1="${left}" x2="${WIDTH - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`,
    `<text class="tick" x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${escapeXml(format(t))}</text>`,
  ]);
}

/** The x and y axes of a plot of the full chart height, and their labels. */
function axes(text: ChartText, left: number, right: number, top: number, plotH: number): string[] {
  const plotW = WIDTH - left - right;
  return [
    `<line class="axis" x1="${left}" x2="${WIDTH - right}" y1="${top + plotH}" y2="${top + plotH}"/>`,
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"/>`,
    `<text class="axis-label" x="${left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escapeXml(text.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(text.yLabel)}</text>`,
  ];
}

/** Vertical bars, one per label (a histogram when the labels are ranges). */
export function columnChart(id: string, text: ChartText, bars: readonly Bar[], format: NumberFormat): string {
  const left = 64;
  const right = 16;
  const top = 16;
  const bottom = 56;
  const plotW = WIDTH - left - right;
  const plotH = HEIGHT - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const ticks = ticksUpTo(max, 5);
  const yMax = ticks[ticks.length - 1];
  const y = (v: number): number => top + plotH - (v / yMax) * plotH;
  const slot = plotW / Math.max(1, bars.length);
  // Label every bar when there is room, else every k-th, so labels never overlap.
  const labelEvery = Math.max(1, Math.ceil((Math.max(...bars.map((b) => b.label.length), 1) * FONT * 0.62 + 6) / slot));
  const parts = [open(id, text, WIDTH, HEIGHT)];
  parts.push(...valueGrid(ticks, y, left, right, format));
  bars.forEach((bar, i) => {
    const x = left + i * slot + slot * 0.1;
    const h = top + plotH - y(bar.value);
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${y(bar.value).toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}"><title>${escapeXml(`${bar.label}: ${format(bar.value)}`)}</title></rect>`,
    );
    if (i % labelEvery === 0) {
      parts.push(`<text class="tick" x="${(left + i * slot + slot / 2).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(bar.label)}</text>`);
    }
  });
  parts.push(...axes(text, left, right, top, plotH));
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars with their labels on the left: the most frequent words. */
export function rankChart(id: string, text: ChartText, bars: readonly Bar[], format: NumberFormat): string {
  const row = 20;
  const top = 8;
  const bottom = 44;
  const longest = Math.min(LONGEST_LABEL, Math.max(4, ...bars.map((b) => b.label.length)));
  const left = Math.min(260, Math.ceil(longest * FONT * 0.62) + 14);
  const right = 64;
  const height = top + Math.max(1, bars.length) * row + bottom;
  const plotW = WIDTH - left - right;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const parts = [open(id, text, WIDTH, height)];
  bars.forEach((bar, i) => {
    const yTop = top + i * row;
    const w = (bar.value / max) * plotW;
    const shown = bar.label.length > LONGEST_LABEL ? `${bar.label.slice(0, LONGEST_LABEL - 1)}…` : bar.label;
    parts.push(`<text class="tick" x="${left - 6}" y="${yTop + row / 2 + 4}" text-anchor="end">${escapeXml(shown)}</text>`);
    parts.push(
      `<rect class="bar" x="${left}" y="${yTop + 3}" width="${w.toFixed(1)}" height="${row - 6}"><title>${escapeXml(`${bar.label}: ${format(bar.value)}`)}</title></rect>`,
    );
    parts.push(`<text class="value" x="${(left + w + 4).toFixed(1)}" y="${yTop + row / 2 + 4}">${escapeXml(format(bar.value))}</text>`);
  });
  const axisY = top + Math.max(1, bars.length) * row;
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${axisY}"/>`);
  parts.push(`<text class="axis-label" x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(text.xLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** A line through (x, y) points, both axes from 0: the vocabulary growth curve. */
export function lineChart(id: string, text: ChartText, points: ReadonlyArray<readonly [number, number]>, format: NumberFormat): string {
  const left = 64;
  const right = 24;
  const top = 16;
  const bottom = 56;
  const plotW = WIDTH - left - right;
  const plotH = HEIGHT - top - bottom;
  const xTicks = ticksUpTo(Math.max(1, ...points.map((p) => p[0])), 5);
  const yTicks = ticksUpTo(Math.max(1, ...points.map((p) => p[1])), 5);
  const xMax = xTicks[xTicks.length - 1];
  const yMax = yTicks[yTicks.length - 1];
  const x = (v: number): number => left + (v / xMax) * plotW;
  const y = (v: number): number => top + plotH - (v / yMax) * plotH;
  const parts = [open(id, text, WIDTH, HEIGHT)];
  parts.push(...valueGrid(yTicks, y, left, right, format));
  for (const t of xTicks) {
    parts.push(`<text class="tick" x="${x(t).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(format(t))}</text>`);
  }
  const path = [[0, 0] as const, ...points].map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${x(px).toFixed(1)} ${y(py).toFixed(1)}`).join(' ');
  parts.push(`<path class="line" d="${path}" fill="none"/>`);
  const last = points[points.length - 1];
  if (last) {
    parts.push(`<circle class="dot" cx="${x(last[0]).toFixed(1)}" cy="${y(last[1]).toFixed(1)}" r="3"><title>${escapeXml(`${format(last[0])} → ${format(last[1])}`)}</title></circle>`);
  }
  parts.push(...axes(text, left, right, top, plotH));
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A length histogram ({ "12": 40 }) as at most `maxBars` bars: lengths up to the 99th percentile
 * in ranges of equal width, and one last bar for the longer tail (`≥ n`), so that one runaway
 * sentence does not squeeze the chart.
 */
export function binLengths(histogram: Readonly<Record<string, number>>, maxBars: number): Bar[] {
  const entries = Object.entries(histogram).map(([n, c]) => [Number(n), c] as const).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, c]) => sum + c, 0);
  if (total === 0) return [];
  let seen = 0;
  let p99 = entries[entries.length - 1][0];
  for (const [n, c] of entries) {
    seen += c;
    if (seen >= total * 0.99) {
      p99 = n;
      break;
    }
  }
  const low = entries[0][0];
  const width = Math.max(1, Math.ceil((p99 - low + 1) / maxBars));
  const bars: Bar[] = [];
  for (let from = low; from <= p99; from += width) {
    const to = Math.min(p99, from + width - 1);
    const value = entries.filter(([n]) => n >= from && n <= to).reduce((sum, [, c]) => sum + c, 0);
    bars.push({ label: from === to ? String(from) : `${from}–${to}`, value });
  }
  const tail = entries.filter(([n]) => n > p99).reduce((sum, [, c]) => sum + c, 0);
  if (tail > 0) bars.push({ label: `≥${p99 + 1}`, value: tail });
  return bars;
}
