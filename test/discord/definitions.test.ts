/** Command JSON generated from the command modules, and deploy-commands against the fake. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { AnyCommand } from '../../src/core/command';
import { ADD_TO_LIBRARY_MENU, buildCommandDefinitions, WHO_SAID_MENU } from '../../src/discord/definitions';
import { deployCommands, describeDeploy } from '../../src/discord/deploy';
import { APP_ID, GUILD_ID, startFakeDiscord, type FakeDiscord } from './fakeDiscord';

const admin: AnyCommand = {
  definition: {
    name: 'admin-test',
    description: 'An admin-only test command',
    adminOnly: true,
    options: [
      { name: 'limit', type: 'integer', description: 'n', min: 1, max: 10 },
      { name: 'what', type: 'string', description: 'w', required: true, maxLength: 50, minLength: 2, autocomplete: 'article' },
    ],
  },
  handle: () => ({ command: 'admin-test', excerpts: [] }),
};

describe('buildCommandDefinitions', () => {
  const json = buildCommandDefinitions([...commands, admin]) as unknown as Array<Record<string, unknown> & { name: string; options?: Array<Record<string, unknown>> }>;

  it('has one slash command per module (a group as one), plus the context menus', () => {
    const plain = commands.filter((c) => !c.definition.group).map((c) => c.definition.name);
    expect(json.map((c) => c.name)).toEqual([...plain.slice(0, plain.indexOf('reload') + 1), 'library', 'quiz', 'admin-test', WHO_SAID_MENU, ADD_TO_LIBRARY_MENU]);
    expect(json.at(-2)).toMatchObject({ type: 3, name: WHO_SAID_MENU, contexts: [0, 1], integration_types: [0] });
    // Adding to a server's library only makes sense in a server.
    expect(json.at(-1)).toMatchObject({ type: 3, name: ADD_TO_LIBRARY_MENU, contexts: [0], integration_types: [0] });
  });

  it('registers /library with one subcommand per module, in servers only, open to members (the bot checks who may add)', () => {
    const library = json.find((j) => j.name === 'library')!;
    expect(library).toMatchObject({ type: 1, contexts: [0] });
    expect(library.default_member_permissions).toBeUndefined();
    const subs = library.options as Array<{ type: number; name: string; options: Array<{ name: string; type: number }> }>;
    expect(subs.map((s) => [s.type, s.name])).toEqual([[1, 'add'], [1, 'list'], [1, 'remove'], [1, 'settings']]);
    expect(subs[0]!.options).toEqual([
      expect.objectContaining({ name: 'url', type: 3, required: false, max_length: 2000 }),
      expect.objectContaining({ name: 'file', type: 11, required: false }),
    ]);
    expect(subs[2]!.options).toEqual([expect.objectContaining({ name: 'article', type: 3, required: true, autocomplete: true })]);
  });

  it('registers /quiz with play, answer and scores, in servers only', () => {
    const quiz = json.find((j) => j.name === 'quiz')!;
    expect(quiz).toMatchObject({ type: 1, contexts: [0] });
    const subs = quiz.options as Array<{ type: number; name: string; options: Array<{ name: string; type: number }> }>;
    expect(subs.map((s) => [s.type, s.name])).toEqual([[1, 'play'], [1, 'answer'], [1, 'scores']]);
    expect(subs[0]!.options.map((o) => [o.name, o.type])).toEqual([['article', 3], ['rounds', 4], ['thread', 5]]);
  });

  it('maps every option and appends hide and thread to answering commands', () => {
    for (const command of commands.filter((c) => !c.definition.group)) {
      const c = json.find((j) => j.name === command.definition.name)!;
      expect(c).toMatchObject({
        type: 1,
        description: command.definition.description,
        contexts: command.definition.adminOnly ? [0] : [0, 1],
        integration_types: [0],
      });
      if (command.definition.adminOnly) expect(c.default_member_permissions).toBe('32');
      for (const o of command.definition.options) {
        const j = c.options!.find((x) => x.name === o.name)!;
        expect(j.description).toBe(o.description);
        expect(j.type).toBe({ string: 3, integer: 4, boolean: 5, attachment: 11 }[o.type]);
        expect(j.required).toBe(o.required ?? false);
        if (o.type === 'string') {
          expect(j.max_length).toBe(o.maxLength);
          expect(j.autocomplete ?? false).toBe(Boolean(o.autocomplete));
        }
      }
      if (command.definition.answers) {
        expect(c.options!.at(-2)).toMatchObject({ name: 'hide', type: 5, required: false });
        expect(c.options!.at(-1)).toMatchObject({ name: 'thread', type: 5, required: false });
      }
      const required = c.options!.map((o) => o.required);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      expect(c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect((c.description as string).length).toBeLessThanOrEqual(100);
    }
  });

  it('admin commands need Manage Guild, only in servers, and get typed limits', () => {
    const c = json.find((j) => j.name === 'admin-test')!;
    expect(c.default_member_permissions).toBe('32');
    expect(c.contexts).toEqual([0]);
    expect(c.options).toEqual([
      { name: 'what', description: 'w', required: true, type: 3, max_length: 50, min_length: 2, autocomplete: true },
      { name: 'limit', description: 'n', required: false, type: 4, min_value: 1, max_value: 10 },
    ]);
  });
});

describe('deployCommands against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });
  const token = 'MTExMTExMTExMTExMTExMTEx.fake.token';

  it('registers to one guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands({ discordToken: token, applicationId: APP_ID, guildId: GUILD_ID, discordApi: fake.api }, commands);
    const put = await fake.waitFor((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${token}`);
    expect(put.body).toEqual(buildCommandDefinitions(commands));
    expect(result).toMatchObject({ scope: 'guild', guildId: GUILD_ID });
    expect(describeDeploy(result)).toContain(`server ${GUILD_ID}`);
  });

  it('registers globally otherwise', async () => {
    const result = await deployCommands({ discordToken: token, applicationId: APP_ID, discordApi: fake.api }, commands);
    await fake.waitFor((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APP_ID}/commands`);
    expect(result.scope).toBe('global');
    expect(result.names).toContain(WHO_SAID_MENU);
  });
});
