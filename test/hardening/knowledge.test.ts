/**
 * Broken knowledge files: each one gives one clear warning naming the file and the problem, the
 * bot starts with everything else, and `/articles` shows what was skipped to server managers
 * only — in the core and through the Discord interaction path (member permissions with and
 * without Manage Guild / Administrator, and in DMs).
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { runCommand } from '../../src/core/run';
import { fromRawInteraction, parseInteraction } from '../../src/discord/input';
import { createInteractionCore } from '../../src/discord/interactions';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeAndReport } from '../../src/knowledge/report';
import { chatInput } from '../discord/fakeDiscord';
import { captureLogger } from '../discord/helpers';
import { assertNoLiveMentions, assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { markdownArticle, tempKnowledge } from '../fixtures';

const good = markdownArticle({ id: 'good-one' }, ['The mayor opened the bridge on Friday, officials said.']);
const second = markdownArticle({ id: 'second-one', title: 'Second' }, ['The council met on Monday, "We are ready," the mayor said.']);

/** Each broken file and what its warning must say. */
const BROKEN: Record<string, RegExp> = {
  'bad-yaml.md': /YAML/i,
  'missing-url.md': /"url".*missing/,
  'wrong-type.md': /"title"/,
  'empty.md': /empty/,
  'blank.md': /empty/,
  'binary.txt': /binary|UTF-8/,
  'huge.md': /too large/,
  'latin1.txt': /UTF-8/,
  'dup.md': /duplicate article id "good-one"/,
  'loop-a.md': /symbolic link loop/,
  'loop-b.md': /symbolic link loop/,
  'vanished.md': /disappeared/,
  'folder.md': /not a regular file/,
};

let dir: string;
let kb: KnowledgeBase;
const log = captureLogger();
let loadMs = 0;

beforeAll(async () => {
  dir = tempKnowledge({
    'a-good.md': good,
    'z-second.md': second,
    'bad-yaml.md': '---\ntitle: [unclosed\n---\n\nBody text.\n',
    'missing-url.md': good.replace(/^url: .*\n/m, '').replace('good-one', 'missing-url'),
    'wrong-type.md': good.replace(/^title: .*$/m, 'title:\n  - a list\n  - not a string').replace('good-one', 'wrong-type'),
    'empty.md': '',
    'blank.md': ' \n\t\n',
    'binary.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]),
    'latin1.txt': Buffer.from('Headline\n\nCaf\xe9 owners said on Tuesday that prices rose.\n', 'latin1'),
    'dup.md': good,
  });
  // 50 MB, sparse: created instantly, never read (the size check comes first).
  const fd = openSync(join(dir, 'huge.md'), 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
  symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
  // Listed by readdir, gone by the time it is opened: a dangling link behaves exactly so.
  symlinkSync(join(dir, 'deleted-meanwhile.md.gone'), join(dir, 'vanished.md'));
  mkdirSync(join(dir, 'folder.md'));
  const started = performance.now();
  kb = await loadKnowledgeAndReport(dir, log.logger);
  loadMs = performance.now() - started;
});

describe('broken knowledge files', () => {
  it('start the bot with every good article', () => {
    expect(kb.articles.map((a) => a.id).sort()).toEqual(['good-one', 'second-one']);
    expect(loadMs).toBeLessThan(10_000);
  });

  it('give exactly one warning line per broken file, naming the file and the problem', () => {
    const warnings = log.lines.filter((l) => l.level === 40);
    for (const [file, problem] of Object.entries(BROKEN)) {
      const lines = warnings.filter((l) => l.file === file);
      expect(lines, file).toHaveLength(1);
      expect(String(lines[0]!.msg), file).toMatch(/^knowledge file skipped: /);
      expect(String(lines[0]!.msg), file).toMatch(problem);
      // One clear line: no stack trace, no multi-line dump.
      expect(String(lines[0]!.msg)).not.toMatch(/\n|\bat .*\.ts/);
    }
    expect(warnings.filter((l) => String(l.msg).startsWith('knowledge file skipped')).map((l) => l.file).sort()).toEqual(Object.keys(BROKEN).sort());
    expect(log.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('the good articles answer questions', async () => {
    const answer = await runCommand(commands, 'search', { query: 'bridge' }, { kb, isAdmin: false });
    expect(answer.excerpts[0]?.article.id).toBe('good-one');
  });
});

describe('/articles shows skipped files to server managers only', () => {
  it('in the core: isAdmin sees every skipped file, others see none', async () => {
    const admin = await runCommand(commands, 'articles', {}, { kb, isAdmin: true });
    for (const file of Object.keys(BROKEN)) expect(admin.notice, file).toContain(file);
    const user = await runCommand(commands, 'articles', {}, { kb, isAdmin: false });
    expect(user.articles?.map((a) => a.id).sort()).toEqual(['good-one', 'second-one']);
    const shown = JSON.stringify(user);
    for (const file of Object.keys(BROKEN)) expect(shown).not.toContain(file);
    expect(shown).not.toMatch(/skipped/i);
  });

  const MANAGE_GUILD = (1n << 5n).toString();
  const ADMINISTRATOR = (1n << 3n).toString();
  const cases: Array<[string, (raw: ReturnType<typeof chatInput>) => void, boolean]> = [
    ['a member with Manage Guild', (raw) => ((raw.member as { permissions: string }).permissions = MANAGE_GUILD), true],
    ['a member with Administrator', (raw) => ((raw.member as { permissions: string }).permissions = ADMINISTRATOR), true],
    ['a member with other permissions (Send Messages, Manage Messages)', (raw) => ((raw.member as { permissions: string }).permissions = ((1n << 11n) | (1n << 13n)).toString()), false],
    ['a member with no permissions', () => undefined, false],
  ];
  it.each(cases)('through the Discord interaction path: %s', async (_who, setPermissions, sees) => {
    const core = createInteractionCore({ getKnowledgeBase: () => kb, commands, logger: log.logger, rateLimitPerMinute: 1000 });
    const raw = chatInput('articles');
    setPermissions(raw);
    const result = await core.answer(fromRawInteraction(raw as never));
    expect(result.outcome).toBe('ok');
    assertWithinDiscordLimits(result.response);
    const text = visibleText(result.response);
    assertNoLiveMentions(text);
    expect(text).toContain('A test article');
    for (const file of Object.keys(BROKEN)) {
      // Names are markdown-escaped in the message: compare without backslashes.
      expect(text.replace(/\\/g, '').includes(file), file).toBe(sees);
    }
  });

  it('through the Discord interaction path: a malformed permissions field is refused at the edge, before any command runs', () => {
    const raw = chatInput('articles');
    (raw.member as { permissions: unknown }).permissions = 'all';
    expect(parseInteraction(raw)).toEqual({ ok: false, problem: 'member.permissions: must be a decimal string' });
  });

  it('through the Discord interaction path: nobody sees them in a DM', async () => {
    const core = createInteractionCore({ getKnowledgeBase: () => kb, commands, logger: log.logger, rateLimitPerMinute: 1000 });
    const result = await core.answer(fromRawInteraction(chatInput('articles', {}, { dm: true, admin: true }) as never));
    expect(visibleText(result.response)).not.toMatch(/skipped/i);
  });
});

describe('an unreadable knowledge directory', () => {
  it('is one warning naming the directory; the bot still starts (with nothing loaded)', async () => {
    const local = captureLogger();
    const missing = join(dir, 'no-such-dir');
    const empty = await loadKnowledgeAndReport(missing, local.logger);
    expect(empty.articles).toEqual([]);
    const warnings = local.lines.filter((l) => l.level === 40);
    expect(warnings.some((l) => l.file === missing && /cannot read the knowledge directory/.test(String(l.msg)))).toBe(true);
    const answer = await runCommand(commands, 'articles', {}, { kb: empty, isAdmin: false });
    expect(answer.notice).toBe('No articles are loaded.');
  });
});

