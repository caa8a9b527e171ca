/**
 * `/chart`: the PNG decodes at the size the renderer reports (1200 px wide), the numbers behind it
 * (the answer's `chart`, which is also the Vega-Lite spec's inline data) are the statements the
 * other commands show, the alt text states them, and the console and JSON modes write the PNG to
 * a file and print its path.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { chartData } from '../../src/answer/chart';
import { renderChart } from '../../src/chart/render';
import { CHART_WIDTH, chartSpec, shortLabel } from '../../src/chart/spec';
import { saveFiles } from '../../src/transport/files';
import { renderText } from '../../src/render/text';
import { UserInputError } from '../../src/core/errors';
import { ask } from '../helpers';
import { runMain } from '../cli/runMain';

const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(ACROSS_DIR);
});

/** Total of one label's bars in the chart data. */
const total = (rows: Array<{ label: string; value: number }>, label: string) => rows.filter((r) => r.label === label).reduce((n, r) => n + r.value, 0);

describe('the picture', () => {
  it('decodes as a PNG of the reported size, white card, with ink on it', async () => {
    const data = chartData(kb, 'speakers');
    const picture = await renderChart(data);
    const png = PNG.sync.read(Buffer.from(picture.png));
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    expect(png.width).toBe(CHART_WIDTH);
    expect(png.height).toBeGreaterThan(200);
    // Corner pixel: the white background (readable on Discord's dark and light themes).
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    // Some dark pixels (text) and the two series colours are drawn.
    let dark = 0;
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r < 60 && g < 60 && b < 60) dark++;
      if (r === 0x1f && g === 0x5f && b === 0xa8) blue++;
      if (r === 0xd9 && g === 0x82 && b === 0x2b) orange++;
    }
    expect(dark).toBeGreaterThan(500);
    expect(blue).toBeGreaterThan(1000);
    expect(orange).toBeGreaterThan(1000);
    // The spec drawn carries the same rows.
    expect((picture.spec.data as { values: Array<{ label: string; value: number }> }).values.map(({ label, value }) => ({ label, value }))).toEqual(
      data.rows.map(({ label, value }) => ({ label, value })),
    );
  });

  it('more bars make a taller picture of the same width', async () => {
    const one = await renderChart({ title: 't', measure: 'm', rows: [{ label: 'a', series: 'direct', value: 1 }] });
    const many = await renderChart({ title: 't', measure: 'm', rows: Array.from({ length: 12 }, (_, i) => ({ label: `person ${i}`, series: 'direct', value: i + 1 })) });
    expect(one.width).toBe(CHART_WIDTH);
    expect(many.width).toBe(CHART_WIDTH);
    expect(many.height).toBeGreaterThan(one.height + 100);
  });

  it('hostile labels stay data: one line, cut, no markup', () => {
    const spec = chartSpec({ title: 'x', measure: 'm', rows: [{ label: '<b>@everyone</b>\n' + 'x'.repeat(200), series: 'direct', value: 1 }] });
    const label = (spec.data as { values: Array<{ short: string }> }).values[0]!.short;
    expect(label).not.toContain('\n');
    expect([...label].length).toBeLessThanOrEqual(42);
    expect(shortLabel('')).toBe('—');
  });
});

describe('the numbers behind it', () => {
  it('speakers: each person’s direct and paraphrased statements, as /quotes lists them', async () => {
    const data = chartData(kb, 'speakers');
    const labels = [...new Set(data.rows.map((r) => r.label))];
    expect(labels[0]).toBe('Jake Sullivan');
    for (const name of labels) {
      const quotes = await ask(`/quotes speaker:${name}`, kb);
      const direct = data.rows.find((r) => r.label === name && r.series === 'direct')!.value;
      const paraphrase = data.rows.find((r) => r.label === name && r.series === 'paraphrase')!.value;
      expect(direct + paraphrase).toBe(quotes.people![0]!.quotes);
      expect(direct + paraphrase).toBe((await ask(`/timeline speaker:${name}`, kb)).timeline!.length);
      expect(direct).toBe((await ask(`/timeline speaker:${name}`, kb)).timeline!.filter((t) => t.kind === 'direct').length);
    }
  });

  it('articles: every statement of each article, by publication date; one article alone', () => {
    const data = chartData(kb, 'articles');
    const labels = [...new Set(data.rows.map((r) => r.label))];
    expect(labels.map((l) => l.slice(0, 10))).toEqual(['2021-11-28', '2021-11-29', '2021-11-30', '2021-12-01']);
    for (const a of kb.articles) {
      const label = labels.find((l) => l.endsWith(a.title))!;
      expect(total(data.rows, label)).toBe(kb.analysis(a.id).statements.length);
    }
    const one = chartData(kb, 'speakers', 'daily-chung');
    expect([...new Set(one.rows.map((r) => r.label))]).toEqual(['Chung Eui-yong']);
  });

  it('parties: statements of people linked to each party', () => {
    const data = chartData(kb, 'parties');
    expect(total(data.rows, 'South Korea')).toBe(1);
  });

  it('the answer: data, alt text with the numbers, a PNG; bad kinds and ids are user errors', async () => {
    const answer = await ask('/chart of:speakers', kb);
    expect(answer.chart?.rows.length).toBeGreaterThan(0);
    const file = answer.files![0]!;
    expect(file).toMatchObject({ name: 'quotebook-speakers.png', contentType: 'image/png' });
    expect(file.description).toMatch(/^Bar chart\. Who is quoted most in 4 articles.*Jake Sullivan: 8 \(4 direct, 4 paraphrase\)/);
    expect(file.description.length).toBeLessThanOrEqual(1024);
    expect(PNG.sync.read(Buffer.from(file.data!)).width).toBe(CHART_WIDTH);
    await expect(ask('/chart of:pie', kb)).rejects.toThrow(UserInputError);
    await expect(ask('/chart article:nope', kb)).rejects.toThrow(UserInputError);
  });
});

describe('console and JSON modes write the PNG to a file', () => {
  it('saveFiles writes the bytes and puts the path in the answer instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotebook-out-'));
    const answer = await saveFiles(await ask('/chart of:articles', kb), dir);
    const file = answer.files![0]!;
    expect(file.data).toBeUndefined();
    expect(file.path).toBe(join(dir, 'quotebook-articles.png'));
    expect(PNG.sync.read(readFileSync(file.path!)).width).toBe(CHART_WIDTH);
    expect(renderText(answer)).toContain(`Chart written to ${file.path}`);
  });

  it('JSON mode prints the path (OUTPUT_DIR) and the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotebook-out-'));
    process.env.OUTPUT_DIR = dir;
    try {
      const run = await runMain(['--json', '--no-cache', '--no-watch', '--knowledge', ACROSS_DIR, '/chart of:speakers']);
      expect(run.code).toBe(0);
      const answer = JSON.parse(run.stdout) as { files: Array<{ path: string; data?: unknown }>; chart: { rows: unknown[] } };
      expect(answer.files[0]!.path).toBe(join(dir, 'quotebook-speakers.png'));
      expect(answer.files[0]!.data).toBeUndefined();
      expect(existsSync(answer.files[0]!.path)).toBe(true);
      expect(answer.chart.rows.length).toBeGreaterThan(0);
    } finally {
      delete process.env.OUTPUT_DIR;
    }
  });
});
