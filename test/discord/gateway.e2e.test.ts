/**
 * End to end: the real gateway bot (discord.js Client) against the fake Discord, with the real
 * commands and the real seed knowledge base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { Answer } from '../../src/core/answer';
import type { AnyCommand, CommandOption } from '../../src/core/command';
import { runCommand } from '../../src/core/run';
import { WHO_SAID_MENU } from '../../src/discord/definitions';
import { renderAnswer } from '../../src/discord/render';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { GatewayHandle } from '../../src/discord/gateway';
import { autocomplete, buttonPress, chatInput, messageMenu, startFakeDiscord, type FakeDiscord } from './fakeDiscord';
import { startTestGateway } from '../support/gateway';
import { captureLogger, sleep } from './helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from './limits';

const exploding: AnyCommand = {
  definition: { name: 'explode', description: 'Always fails', answers: true, options: [] },
  handle() {
    throw new Error('kaboom: handler failure for the test');
  },
};
const slow: AnyCommand = {
  definition: { name: 'slow', description: 'Takes longer than the defer threshold', answers: true, options: [] },
  async handle(): Promise<Answer> {
    await sleep(1100);
    return { command: 'slow', excerpts: [], notice: 'finally done' };
  },
};

let fake: FakeDiscord;
let bot: GatewayHandle;
/** How many times the bot asked for a reload (admin-only `/reload`). */
let reloads = 0;
let kb: KnowledgeBase;
const log = captureLogger();

interface Callback {
  type: number;
  data?: { content?: string; flags?: number; embeds?: Array<{ description?: string; title?: string }>; components?: Array<{ components: Array<{ custom_id?: string; disabled?: boolean; url?: string; style: number }> }>; choices?: Array<{ name: string; value: string }> };
}

async function ask(interaction: ReturnType<typeof chatInput>): Promise<Callback> {
  const t = performance.now();
  fake.dispatch(interaction);
  const request = await fake.nextCallback(interaction.id);
  timings.push(performance.now() - t);
  return request.body as Callback;
}
const timings: number[] = [];

/** A plausible value for an option: a real name from autocomplete where there is one. */
function sampleValue(option: CommandOption): string | number | boolean {
  if (option.type === 'integer') return option.min ?? 1;
  if (option.type === 'boolean') return false;
  if (option.type === 'string' && option.autocomplete) return kb.suggest(option.autocomplete, '')[0]?.value ?? 'Sullivan';
  return 'armistice';
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  kb = await loadKnowledgeBase('knowledge');
  bot = await startTestGateway(fake, {
    getKnowledgeBase: () => kb,
    commands: [...commands, exploding, slow],
    logger: log.logger,
    reload: async () => {
      reloads++;
      return 'reloaded';
    },
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  if (timings.length) {
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`gateway round trips: n=${sorted.length} median=${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms max=${sorted[sorted.length - 1]!.toFixed(1)} ms`);
  }
});

describe('gateway bot against the fake Discord', () => {
  it('answers /search query:armistice with the armistice paragraph, publicly, without mentions', async () => {
    const body = await ask(chatInput('search', { query: 'armistice' }));
    expect(body.type).toBe(4);
    assertWithinDiscordLimits(body);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(visibleText(body)).toMatch(/\*\*armistice\*\* agreement/i);
  });

  // /library needs a server's library and a database: test/library/library.e2e.test.ts covers it;
  // /correct and /corrections need the database too (test/corrections/).
  // /chart and /export answer with a deferral and a multipart edit (across.e2e, export.e2e).
  it.each(commands.filter((c) => !c.definition.group && !['chart', 'export', 'correct', 'corrections'].includes(c.definition.name)).map((c) => [c.definition.name, c] as const))('answers /%s', async (_name, command) => {
    const options: Record<string, string | number | boolean> = {};
    for (const o of command.definition.options) if (o.required) options[o.name] = sampleValue(o);
    // /timeline needs one of speaker and party (neither is required on its own).
    if (command.definition.name === 'timeline') options.speaker = 'Sullivan';
    const admin = command.definition.adminOnly ?? false;
    const body = await ask(chatInput(command.definition.name, options, { admin }));
    expect(body.type).toBe(4);
    assertWithinDiscordLimits(body);
    // A working command answers publicly; errors would be ephemeral.
    expect(body.data?.flags ?? 0, visibleText(body)).toBe(0);
    // Exactly the command's own answer, rendered: the gateway adds, drops and changes nothing.
    const expected = renderAnswer(await runCommand(commands, command.definition.name, options, { kb, isAdmin: admin, reload: async () => 'reloaded' }), {
      articles: kb.articles,
    });
    expect(body.data?.content).toBe(expected.content);
    expect(body.data?.embeds).toEqual(expected.embeds);
    expect(visibleText(body).trim()).not.toBe('');
  });

  describe('admin-only /reload through the gateway (discord.js permissions)', () => {
    // The one admin-check message of the command path (core/run.ts), as the console shows it.
    const refusal = '/reload is for server managers only.';

    it('refuses a server member without Manage Server, ephemerally, and does not reload', async () => {
      const before = reloads;
      const body = await ask(chatInput('reload', {}, { admin: false }));
      expect(body.type).toBe(4);
      expect(body.data?.flags).toBe(64);
      expect(body.data?.content).toBe(refusal);
      expect(reloads).toBe(before);
    });

    it('refuses it in a DM, where nobody manages a server', async () => {
      const before = reloads;
      const body = await ask(chatInput('reload', {}, { dm: true }));
      expect(body.data?.flags).toBe(64);
      expect(body.data?.content).toBe(refusal);
      expect(reloads).toBe(before);
    });

    it('runs it for a member with Manage Server', async () => {
      const before = reloads;
      const body = await ask(chatInput('reload', {}, { admin: true }));
      expect(body.type).toBe(4);
      expect(body.data?.flags ?? 0).toBe(0);
      expect(visibleText(body)).toContain('reloaded');
      expect(reloads).toBe(before + 1);
    });
  });

  it('works in a DM with the bot', async () => {
    const body = await ask(chatInput('search', { query: 'armistice' }, { dm: true }));
    expect(body.type).toBe(4);
    assertWithinDiscordLimits(body);
  });

  it('hide:true answers ephemerally (flags 64)', async () => {
    const body = await ask(chatInput('search', { query: 'armistice', hide: true }));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    assertWithinDiscordLimits(body);
  });

  it('autocomplete answers from the knowledge base, ≤ 25 choices', async () => {
    const body = await ask(autocomplete('search', 'article', ''));
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices.map((c) => c.value)).toContain(kb.articles[0]!.id);
  });

  it('pages with the Next button (custom_id alone is enough)', async () => {
    // A broad query that yields more than one page of excerpts.
    const first = await ask(chatInput('search', { query: 'said' }));
    const paging = first.data?.components?.[0]?.components ?? [];
    const next = paging.find((b) => b.custom_id && !b.disabled && b.custom_id.startsWith('p:'));
    expect(next, 'a Next button').toBeDefined();
    const body = await ask(buttonPress(next!.custom_id!));
    expect(body.type).toBe(7);
    assertWithinDiscordLimits(body);
    expect(body.data?.content).toMatch(/page 2\//);
    expect(JSON.stringify(body.data?.embeds)).not.toBe(JSON.stringify(first.data?.embeds));
  });

  it('runs "Who said this?" on a message', async () => {
    const paragraph = kb.articles[0]!.paragraphs.find((p) => p.text.includes('armistice'))!;
    // A message quoting the start of the paragraph (whole words, as a person would copy it).
    const message = paragraph.text.slice(0, paragraph.text.lastIndexOf(' ', 120));
    const body = await ask(messageMenu(WHO_SAID_MENU, message));
    expect(body.type).toBe(4);
    assertWithinDiscordLimits(body);
    expect(body.data?.flags).toBe(64);
    // The reporter's narration, found exactly, with the whole sentence quoted.
    const embeds = body.data?.embeds ?? [];
    expect(embeds).toHaveLength(1);
    expect(embeds[0]!.description).toMatch(/\n— the reporter \(Ahn Sung-mi\)$/);
    expect(embeds[0]!.description).toMatch(/^> \*\*The\*\* \*\*two\*\* \*\*Koreas\*\* .* \*\*armistice\*\* agreement signed by/);
    expect((embeds[0] as { fields?: Array<{ name: string; value: string }> }).fields).toEqual([
      { name: 'Kind', value: 'narration', inline: true },
      { name: 'Match', value: 'exact', inline: true },
      { name: 'Paragraph', value: `¶ ${paragraph.number}`, inline: true },
    ]);
    const expected = renderAnswer(await runCommand(commands, 'who-said', { phrase: message }, { kb, isAdmin: false }), { articles: kb.articles });
    expect(embeds).toEqual(expected.embeds);
  });

  it('a failing handler gets a short ephemeral error; the log has the details; the bot keeps working', async () => {
    const body = await ask(chatInput('explode'));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toMatch(/failed/);
    expect(body.data?.content).not.toMatch(/kaboom/);
    assertWithinDiscordLimits(body);
    expect(log.raw.some((l) => l.includes('kaboom'))).toBe(true);
    const after = await ask(chatInput('search', { query: 'armistice' }));
    expect(after.type).toBe(4);
  });

  it('neutralises @everyone and <@123> in the query and sends allowed_mentions: {parse: []}', async () => {
    const body = await ask(chatInput('search', { query: '@everyone <@123> **armistice** [x](http://evil.example)' }));
    expect(body.type).toBe(4);
    expect((body.data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    assertWithinDiscordLimits(body);
    assertNoLiveMentions(visibleText(body));
  });

  it('defers a slow command (type 5) and then edits @original', async () => {
    const interaction = chatInput('slow');
    const body = await ask(interaction);
    expect(body.type).toBe(5);
    const edit = await fake.nextWebhook(interaction.token, 'PATCH', 5000);
    expect(edit.path).toBe(`/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`);
    assertWithinDiscordLimits(edit.body);
    expect(visibleText(edit.body)).toContain('finally done');
  });

  it('logs one line per interaction without contents or tokens', async () => {
    const interaction = chatInput('search', { query: 'secretword armistice' });
    await ask(interaction);
    await sleep(20);
    const lines = log.lines.filter((l) => l.msg === 'interaction');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      expect(typeof l.ms).toBe('number');
      expect(l.outcome).toBeDefined();
    }
    const all = log.raw.join('\n');
    expect(all).not.toContain('secretword');
    expect(all).not.toContain(interaction.token);
    expect(all).not.toContain('fake.token');
  });
});
