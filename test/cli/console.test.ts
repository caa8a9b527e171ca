/**
 * The console as a new user meets it: every friction item of issue 14 (help, /reload output,
 * new files, wrapping, one link per article, an honest "no match", a mistyped flag, a command
 * typed without its slash, a .md without front matter).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { parseCommandLine } from '../../src/cli/parseLine';
import { UserInputError } from '../../src/core/errors';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { KnowledgeReloader } from '../../src/knowledge/reload';
import { renderText, wrapLine } from '../../src/render/text';
import { runConsole } from '../../src/transport/console';
import { answerLine } from '../../src/transport/session';
import { ask, KNOWLEDGE_DIR, markdownArticle, seedKb, tempKnowledge } from '../helpers';
import { sleep } from '../discord/helpers';
import { runMain } from './runMain';



/** A console on in-memory streams; `lines` feeds it, `output()` is everything printed so far. */
function fakeConsole(options: Partial<Parameters<typeof runConsole>[2]> = {}, ctx?: Parameters<typeof runConsole>[1]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
  return {
    input,
    output: () => printed,
    start: (context: Parameters<typeof runConsole>[1]) => runConsole(commands, ctx ?? context, { input, output, color: false, ...options }),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('console friction (issue 14)', () => {
  it('/help lists /reload for the console user (an admin), not for a server member', async () => {
    const kb = await seedKb();
    const admin = await answerLine('/help', commands, { kb, isAdmin: true });
    const member = await answerLine('/help', commands, { kb, isAdmin: false });
    expect('answer' in admin && admin.answer.notice).toMatch(/^\/reload .*\(server managers\)$/m);
    expect('answer' in member && member.answer.notice).not.toMatch(/\/reload/);
  });

  it('/reload in the console prints the reload message as text, and no JSON log line', async () => {
    const { code, stdout, stderr } = await runMain(['--console'], '/reload\n', 'info');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Reloaded 1 article/);
    expect(stderr).not.toMatch(/"level"|\{"/);
  }, 30_000);

  it('a file added to the knowledge folder is picked up without a restart, and the console says so', async () => {
    const dir = tempKnowledge({});
    copyFileSync(join(KNOWLEDGE_DIR, 'us-skorea-end-of-war.md'), join(dir, 'seed.md'));
    const holder = { current: await loadKnowledgeBase(dir) };
    const reloader = new KnowledgeReloader(dir, holder, { readOnly: true, debounceMs: 50 });
    const c = fakeConsole({ watch: (onChange) => reloader.watch(onChange) });
    const done = c.start({ get kb() { return holder.current; }, isAdmin: true, reload: () => reloader.reload() });
    await until(() => c.output().includes('quotebook> '), 'the prompt');
    expect(c.output()).toMatch(/picked up as you go/);
    writeFileSync(join(dir, 'new.md'), markdownArticle({ title: 'Zebra crossing news', id: 'zebra' }, ['The council said the zebra crossing will reopen.']));
    await until(() => c.output().includes('↻ knowledge folder changed: Reloaded 2 articles'), 'the reload line');
    c.input.write('/articles\n');
    await until(() => c.output().includes('Zebra crossing news [zebra]'), 'the new article in /articles');
    c.input.end();
    await done;
  });

  it('without watching, the console says how to reload', async () => {
    const c = fakeConsole();
    const done = c.start({ kb: await seedKb(), isAdmin: true });
    c.input.end();
    await done;
    expect(c.output()).toMatch(/type \/reload after adding or changing a file/);
  });

  it('long lines wrap at word boundaries to the terminal width, never mid-word', async () => {
    const answer = await ask('/search query:end-of-war declaration');
    const plain = renderText(answer);
    const wrapped = renderText(answer, { width: 60 });
    for (const line of wrapped.split('\n')) {
      // Only a single word longer than the width (a URL) may exceed it.
      if (line.length > 60) expect(line.trim()).not.toContain(' ');
    }
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(wrapped)).toEqual(words(plain));
    expect(wrapLine('    alpha beta gamma', 12)).toEqual(['    alpha', '    beta', '    gamma']);
    expect(wrapLine('[1] alpha beta gamma', 14)).toEqual(['[1] alpha beta', '    gamma']);
  });

  it('the article URL is shown once per article per answer, not with every excerpt', async () => {
    const answer = await ask('/search query:end-of-war declaration');
    expect(answer.excerpts.length).toBeGreaterThan(2);
    const url = answer.excerpts[0]!.article.url!;
    expect(renderText(answer).split(url).length - 1).toBe(1);
  });

  it('/who-said with nothing close says so instead of promising passages that are not there', async () => {
    const none = await ask('/who-said phrase:xylophone quantum banana');
    expect(none.excerpts).toEqual([]);
    expect(none.notice).toMatch(/no passage comes close/);
    expect(none.notice).not.toMatch(/shown below/);
    const some = await ask('/who-said phrase:armistice peninsula sanctions regime');
    if (some.excerpts.every((e) => e.match === 'related')) expect(some.notice).toMatch(/shown below/);
  });

  it('a mistyped flag (--jsn) prints one line naming the right one and the usage, no stack trace', async () => {
    const { code, stdout, stderr } = await runMain(['--jsn'], '', 'info');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('Unknown option --jsn (did you mean --json?).');
    expect(stderr).toMatch(/Usage:/);
    expect(stderr).not.toMatch(/\n\s+at |TypeError|"level"/);
  }, 30_000);

  it('a command typed without its slash gets a hint with the command to type', () => {
    const hint = (line: string) => {
      try {
        parseCommandLine(line, commands);
      } catch (err) {
        expect(err).toBeInstanceOf(UserInputError);
        return (err as Error).message;
      }
      return 'parsed';
    };
    expect(hint('who said fundamentally aligned')).toMatch(/did you mean \/who-said phrase:fundamentally aligned\?/);
    expect(hint('why are the two Koreas still at war')).toMatch(/Commands start with “\/”: try \/ask question:why are the two Koreas still at war/);
    expect(hint('/frobnicate x')).toMatch(/Unknown command/);
  });

  it('a .md without front matter loads as pasted text (like a .txt), and a hopeless one says what would load', async () => {
    const dir = tempKnowledge({
      'plain.md': '# Zebra crossing to reopen\n\nBy Jane Writer (jane@example.org)\n\nThe council said on Monday that the zebra crossing on Main Street will reopen next week.\n\n“We listened to the parents,” said Mayor Ann Lee.\n',
      'empty-ish.md': 'just one short line\n',
    });
    const kb = await loadKnowledgeBase(dir);
    const plain = kb.articles.find((a) => a.file === 'plain.md');
    expect(plain?.title).toBe('Zebra crossing to reopen');
    expect(plain?.paragraphs.map((p) => p.text)).toContain('“We listened to the parents,” said Mayor Ann Lee.');
    const problem = kb.problems.find((p) => p.file === 'empty-ish.md')?.problem;
    expect(problem).toMatch(/no front matter/);
    expect(problem).toMatch(/pasted text: no body paragraphs/);
  });
});
