/**
 * Chart data → a Vega-Lite specification: horizontal stacked bars (one bar per label, one colour
 * per series), the data inline, so the spec is also the record of what the picture shows. Colours
 * and text are chosen for a white card, which reads the same on Discord's dark and light themes.
 */
import type { ChartData } from '../core/answer';

/** Width of the picture in pixels (the PNG is rendered at this width). */
export const CHART_WIDTH = 1200;
/** The plotting area's width in Vega-Lite units (the picture is scaled to `CHART_WIDTH`). */
const PLOT_WIDTH = 420;
/** Labels longer than this are cut with an ellipsis on the axis (the full text is in the data). */
export const MAX_LABEL = 42;

export const FONT_FAMILY = 'Noto Sans';
const INK = '#1f2328';
const MUTED = '#57606a';

/** Series colours: distinguishable with common colour-vision deficiencies, dark enough on white. */
export const SERIES_COLOURS: Record<string, string> = { direct: '#1f5fa8', paraphrase: '#d9822b' };
const OTHER_COLOURS = ['#2e8540', '#8250df', '#6e7781'];

/** The Vega-Lite spec for `data` (plain JSON). */
export function chartSpec(data: ChartData): Record<string, unknown> {
  const labels = [...new Set(data.rows.map((r) => r.label))];
  const series = [...new Set(data.rows.map((r) => r.series))];
  const colours = series.map((s, i) => SERIES_COLOURS[s] ?? OTHER_COLOURS[i % OTHER_COLOURS.length]!);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: data.title, anchor: 'start', fontSize: 15, fontWeight: 'bold', color: INK, offset: 12 },
    width: PLOT_WIDTH,
    height: { step: 22 },
    background: '#ffffff',
    padding: 16,
    data: { values: data.rows.map((r) => ({ ...r, short: shortLabel(r.label) })) },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: {
        field: 'short',
        type: 'nominal',
        // Keep the order the rows came in (largest first), not alphabetical.
        sort: labels.map(shortLabel),
        title: null,
        axis: { labelLimit: 0, labelFontSize: 12, labelColor: INK, ticks: false, domain: false, labelPadding: 6 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        aggregate: 'sum',
        title: data.measure,
        axis: { tickMinStep: 1, format: 'd', labelColor: MUTED, titleColor: MUTED, titleFontWeight: 'normal', gridColor: '#d0d7de' },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: series, range: colours },
        legend: {
          title: null,
          orient: 'bottom',
          labelColor: INK,
          labelFontSize: 12,
          symbolType: 'square',
          labelExpr: "datum.label === 'direct' ? 'direct quote' : datum.label",
        },
      },
      order: { field: 'series', sort: 'ascending' },
    },
    config: { font: FONT_FAMILY, view: { stroke: null } },
  };
}

/** An axis label: one line, at most `MAX_LABEL` characters. */
export function shortLabel(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim() || '—';
  const chars = [...one];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('').trimEnd()}…` : one;
}
