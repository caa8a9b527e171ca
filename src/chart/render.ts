/**
 * Renders chart data to a PNG on the server: Vega-Lite compiles the spec, Vega lays it out as SVG,
 * resvg rasterises it with the bundled Noto Sans files (system fonts are not loaded), so the same
 * data gives the same picture on every machine.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartData } from '../core/answer';
import { CHART_WIDTH, FONT_FAMILY, chartSpec } from './spec';

const require = createRequire(import.meta.url);
/** Noto Sans (SIL Open Font License 1.1), from @expo-google-fonts/noto-sans. */
const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

export interface RenderedChart {
  png: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  /** The Vega-Lite spec drawn (data inline). */
  spec: Record<string, unknown>;
}

/** Draws `data` as a PNG `CHART_WIDTH` pixels wide. */
export async function renderChart(data: ChartData): Promise<RenderedChart> {
  const spec = chartSpec(data);
  const vega = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: CHART_WIDTH },
      background: '#ffffff',
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    });
    const image = resvg.render();
    return { png: Uint8Array.from(image.asPng()), width: image.width, height: image.height, spec };
  } finally {
    view.finalize();
  }
}
