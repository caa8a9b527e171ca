/**
 * Hostile input through every command and option (read from the registry, so commands added
 * later are covered without touching this file), on both paths user text takes:
 * - the shared core (`runCommand`: option cleaning + handler), used by the console and JSON mode:
 *   it resolves with a valid Answer or throws a `UserInputError`, nothing else;
 * - the Discord interaction core (the real option checks, handler, renderer, paging and
 *   responses): the payload is within every Discord limit, carries `allowed_mentions: {parse: []}`,
 *   has no live mention and no user markdown echoed unescaped, and no handler ever "fails".
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { AnswerSchema } from '../../src/core/answer';
import type { AnyCommand, CommandOption } from '../../src/core/command';
import { UserInputError } from '../../src/core/errors';
import { runCommand } from '../../src/core/run';
import { HIDE_OPTION, THREAD_OPTION, WHO_SAID_MENU } from '../../src/discord/definitions';
import type { InteractionInput } from '../../src/discord/input';
import { createInteractionCore, type InteractionCore, type InteractionResult } from '../../src/discord/interactions';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { captureLogger } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { seedKb } from '../helpers';
import { assertNoLoneSurrogates, canariesIn, canaryIsLive, emojiAround, fuzzRuns, hostileText, hostileValue } from './hostile';

/**
 * Per command and property. About 60 properties here, so the default is lower than the other fuzz
 * files' 2,000: 300 each (18,000 hostile inputs in all) still fails on a dropped escape or mention
 * guard (docs/hardening.md, "Checked by breaking"); `npm run fuzz` runs 50,000 each.
 */
const RUNS = fuzzRuns(300);

let kb: KnowledgeBase;
let core: InteractionCore;
const log = captureLogger();

beforeAll(async () => {
  kb = await seedKb();
  core = createInteractionCore({ getKnowledgeBase: () => kb, commands, logger: log.logger, rateLimitPerMinute: 1_000_000 });
});

/** A value Discord itself would deliver for the option type (it enforces types, not content). */
function discordValue(option: CommandOption): fc.Arbitrary<string | number | boolean> {
  switch (option.type) {
    case 'string':
      // Emoji-heavy text at the option's length limit (just under, at, just over) as well.
      return fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: emojiAround(option.maxLength) });
    case 'integer':
      return fc.oneof(fc.integer(), fc.integer({ min: option.min ?? -10, max: option.max ?? 10 }), fc.constant(Number.MAX_SAFE_INTEGER));
    case 'boolean':
      return fc.boolean();
    case 'attachment':
      // Discord sends an attachment's snowflake; hostile text stands for a forged one.
      return fc.oneof(fc.constant('123456789012345678'), hostileText);
  }
}

/** Options for `command`: each declared option present or not, plus sometimes `hide`. */
function discordOptions(command: AnyCommand): fc.Arbitrary<Record<string, string | number | boolean | undefined>> {
  const model: Record<string, fc.Arbitrary<string | number | boolean>> = {};
  for (const o of command.definition.options) model[o.name] = discordValue(o);
  if (command.definition.answers) {
    model[HIDE_OPTION] = fc.boolean();
    model[THREAD_OPTION] = fc.boolean();
  }
  return fc.record(model, { requiredKeys: [] });
}

/** Raw options as a console/JSON line could produce them, including unknown names and wrong types. */
function rawOptions(command: AnyCommand): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const o of command.definition.options) model[o.name] = hostileValue;
  const declared = fc.record(model, { requiredKeys: [] });
  const extra = fc.dictionary(fc.oneof(fc.constantFrom('hide', 'zz', '__proto__', 'constructor', ''), fc.string({ maxLength: 8 })), hostileValue, { maxKeys: 2 });
  return fc.tuple(declared, fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra })).map(([a, b]) => ({ ...b, ...a }));
}

function base(userId: string, isAdmin: boolean) {
  return { id: '1', token: 'tok', applicationId: '111111111111111111', userId, isAdmin, guildId: '222222222222222222' };
}

/** Everything a user could see must be safe, whatever they typed. */
function assertSafe(result: InteractionResult, typed: string, where: string): void {
  const context = `${where}: ${JSON.stringify(typed).slice(0, 300)}`;
  expect(result.outcome, `${context} → ${visibleText(result.response)}`).not.toBe('error');
  // Every string of every response (content, embeds, buttons, custom_ids, choices): valid text.
  assertNoLoneSurrogates(result.response, context, typed);
  const response = result.response as { type: number; data?: unknown };
  if (response.type === 4 || response.type === 7) {
    assertWithinDiscordLimits(response);
    const text = visibleText(response);
    assertNoLiveMentions(text);
    for (const canary of canariesIn(typed)) expect(canaryIsLive(text, canary), `${context}: echoed ${canary} unescaped in ${text.slice(0, 500)}`).toBe(false);
  }
  // thread:true on a long answer: the reply it hangs from and every message posted in the thread.
  if (result.thread) {
    expect(result.thread.name.length).toBeGreaterThan(0);
    expect(result.thread.name.length).toBeLessThanOrEqual(100);
    for (const message of [result.thread.intro, ...result.thread.messages]) {
      assertWithinDiscordLimits(message);
      assertNoLiveMentions(visibleText(message));
    }
  }
}

/** Presses the paging buttons of a response, as a user would. */
async function pressButtons(result: InteractionResult, typed: string, isAdmin: boolean): Promise<void> {
  const rows = ((result.response as { data?: { components?: Array<{ components?: Array<{ custom_id?: string; disabled?: boolean }> }> } }).data?.components ?? []);
  for (const b of rows.flatMap((r) => r.components ?? [])) {
    if (!b.custom_id || b.disabled) continue;
    const pressed = await core.answer({ ...base('presser', isAdmin), kind: 'button', customId: b.custom_id });
    assertSafe(pressed, typed, 'button');
  }
}

const errorsLogged = () => log.lines.filter((l) => (l.level as number) >= 50).map((l) => String((l.err as { message?: string })?.message ?? l.msg));

describe.each(commands.map((c) => [c.definition.name, c] as const))('/%s with hostile input', (name, command) => {
  it('the shared core resolves with a valid Answer or throws UserInputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(rawOptions(command), fc.boolean(), async (raw, isAdmin) => {
        try {
          const answer = await runCommand(commands, name, raw, { kb, isAdmin });
          expect(() => AnswerSchema.parse(answer)).not.toThrow();
        } catch (err) {
          if (!(err instanceof UserInputError)) throw err;
          expect(err.message.length).toBeGreaterThan(0);
          expect(err.message.length).toBeLessThanOrEqual(1000);
          expect(err.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('through the Discord interaction core: a safe payload within every limit, never a handler failure', async () => {
    const before = errorsLogged().length;
    await fc.assert(
      fc.asyncProperty(discordOptions(command), fc.boolean(), fc.boolean(), async (options, isAdmin, press) => {
        const typed = Object.values(options).filter((v) => typeof v === 'string').join(' ');
        const input: InteractionInput = { ...base(`u${isAdmin}`, isAdmin), kind: 'command', command: name, options };
        const result = await core.answer(input);
        assertSafe(result, typed, `/${name}`);
        if (press) await pressButtons(result, typed, isAdmin);
      }),
      { numRuns: RUNS },
    );
    expect(errorsLogged().slice(before)).toEqual([]);
  });

  const autocompleted = command.definition.options.filter((o) => o.type === 'string' && o.autocomplete);
  if (autocompleted.length) {
    it('autocomplete: at most 25 choices, names and values of 1–100 characters, never a failure', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...autocompleted), fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: emojiAround(100) }), async (option, value) => {
          const result = await core.answer({ ...base('typer', false), kind: 'autocomplete', command: name, focused: { name: option.name, value } });
          expect(result.outcome).not.toBe('error');
          assertNoLoneSurrogates(result.response, 'autocomplete', value);
          const data = (result.response as { type: number; data?: { choices?: Array<{ name: string; value: string }> } });
          expect(data.type).toBe(8);
          const choices = data.data?.choices ?? [];
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const c of choices) {
            expect(c.name.length).toBeGreaterThan(0);
            expect(c.name.length).toBeLessThanOrEqual(100);
            expect(c.value.length).toBeGreaterThan(0);
            expect(c.value.length).toBeLessThanOrEqual(100);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('other interactions with hostile input', () => {
  it('"Who said this?" on any message text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: emojiAround(300) }), async (text) => {
        const result = await core.answer({ ...base('menu', false), kind: 'message-menu', command: WHO_SAID_MENU, targetText: text });
        assertSafe(result, text, 'menu');
      }),
      { numRuns: RUNS },
    );
  });

  it('hand-crafted button custom_ids', async () => {
    const names = commands.map((c) => c.definition.name);
    const crafted = fc.oneof(
      hostileText,
      fc.tuple(fc.constantFrom('p', 'k', 'x', ''), fc.constantFrom(...names, 'zz'), fc.oneof(fc.nat().map(String), hostileText), hostileText).map((parts) => parts.join(':')),
    );
    await fc.assert(
      fc.asyncProperty(crafted, async (customId) => {
        const result = await core.answer({ ...base('presser', false), kind: 'button', customId });
        assertSafe(result, customId, 'button');
      }),
      { numRuns: RUNS },
    );
  });

  it('unknown command names', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (command) => {
        const result = await core.answer({ ...base('x', false), kind: 'command', command, options: {} });
        assertSafe(result, command, 'unknown command');
      }),
      { numRuns: RUNS },
    );
  });
});
