/**
 * Independent check of Discord's message limits (written from Discord's documentation, not from
 * the renderer's own constants) plus the mention rule. Used by every Discord test. The body is
 * also checked the way the strict fake Discord checks it (Discord's OpenAPI schema and the
 * documented limits in `discordRules.ts`), so tests that never reach a fake are strict too.
 */
import { expect } from 'vitest';
import { bodyProblems } from './discordRules';

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: Array<{ name: string; value: string }>;
}
interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  url?: string;
  components?: Component[];
}

/** Asserts a message body (or an interaction response wrapping one) respects every limit. */
export function assertWithinDiscordLimits(payload: unknown): void {
  const p = payload as { type?: number; data?: unknown };
  const problems = bodyProblems(p.type !== undefined ? 'interaction-callback' : 'webhook-execute', payload);
  expect(problems, 'what Discord would refuse (400) or mangle in this body').toEqual([]);
  const data = (p.type !== undefined && p.data !== undefined ? p.data : payload) as {
    content?: string;
    embeds?: Embed[];
    components?: Component[];
    allowed_mentions?: unknown;
  };
  expect(data.allowed_mentions, 'allowed_mentions must always be { parse: [] }').toEqual({ parse: [] });
  expect((data.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = data.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    total +=
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.author?.name ?? '').length +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total, 'characters across all embeds').toBeLessThanOrEqual(6000);
  const rows = data.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect((row.components ?? []).length).toBeLessThanOrEqual(5);
    for (const b of row.components ?? []) {
      expect((b.label ?? '').length).toBeLessThanOrEqual(80);
      if (b.custom_id !== undefined) {
        expect(b.custom_id.length).toBeGreaterThan(0);
        expect(b.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(b.custom_id), `duplicate custom_id ${b.custom_id}`).toBe(false);
        ids.add(b.custom_id);
      } else {
        expect(b.url).toMatch(/^https?:\/\//);
        expect(b.url!.length).toBeLessThanOrEqual(512);
      }
    }
  }
}

/** Every bit of text a user would see in the message. */
export function visibleText(payload: unknown): string {
  const p = payload as { data?: unknown };
  const data = (p.data ?? payload) as { content?: string; embeds?: Embed[] };
  return [
    data.content ?? '',
    ...(data.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].join('\n');
}

/** Asserts no live mention or unescaped markdown-breaking mention text is present. */
export function assertNoLiveMentions(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/(^|[^\\])<@[!&]?\d+>/);
  expect(text).not.toMatch(/(^|[^\\])<#\d+>/);
}
