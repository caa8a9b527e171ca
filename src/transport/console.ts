/**
 * Interactive console: type the same commands as in Discord and read the answers in the terminal.
 * Used when no Discord token is configured, so the bot can be tried on any machine. Answers are
 * wrapped at word boundaries to the terminal's width; the knowledge folder is watched, so a new
 * or changed file is picked up without a restart (one line says so).
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnyCommand, CommandContext } from '../core/command';
import type { Logger } from '../log';
import { renderText, wrapLine } from '../render/text';
import { answerLine } from './session';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  color: boolean;
  logger?: Logger;
  /** Columns to wrap answers at (the terminal's width); unset = no wrapping (e.g. piped output). */
  width?: number;
  /**
   * Starts watching the knowledge folder; `onChange` gets each reload's message. Returns a stop
   * function. Unset = no watching (`--no-watch`).
   */
  watch?: (onChange: (message: string) => void) => () => void;
  /** Where the knowledge comes from, for the start-up lines. */
  knowledgeDir?: string;
  /** Where chart PNGs are written (default: the system's temporary folder). */
  outputDir?: string;
}

export async function runConsole(commands: readonly AnyCommand[], ctx: CommandContext, opts: ConsoleOptions): Promise<void> {
  const { input, output } = opts;
  const wrap = (text: string) => (opts.width ? text.split('\n').flatMap((l) => wrapLine(l, opts.width!)).join('\n') : text);
  const skipped = ctx.kb.problems;
  output.write(
    wrap(
      [
        `Quotebook console — ${ctx.kb.articles.length} article(s) loaded${opts.knowledgeDir ? ` from ${opts.knowledgeDir}` : ''}.`,
        ...skipped.map((p) => `⚠ skipped ${p.file}: ${p.problem}`),
        'Type /help for commands, e.g. /search query:armistice or /who-said phrase:fundamentally aligned. Ctrl-D or /quit to leave.',
        opts.watch
          ? 'New or changed files in the knowledge folder are picked up as you go (/reload does it at once).'
          : 'Not watching the knowledge folder (--no-watch): type /reload after adding or changing a file.',
        'To answer in Discord instead, set DISCORD_TOKEN (see README, .env.example) and run npm start again.',
        '',
      ].join('\n'),
    ),
  );
  const rl = createInterface({ input, output, prompt: 'quotebook> ', terminal: (input as { isTTY?: boolean }).isTTY ?? false });
  let busy = false;
  const stopWatching = opts.watch?.((message) => {
    // Printed between answers, then the prompt again (unless an answer is being printed).
    output.write(`\n${wrap(`↻ knowledge folder changed: ${message}`)}\n`);
    if (!busy) rl.prompt(true);
  });
  rl.prompt();
  try {
    for await (const line of rl) {
      const trimmed = line.trim();
      if (trimmed === '/quit' || trimmed === '/exit') break;
      if (trimmed) {
        busy = true;
        const result = await answerLine(trimmed, commands, ctx, opts.logger, opts.outputDir);
        output.write(('answer' in result ? renderText(result.answer, { color: opts.color, ...(opts.width ? { width: opts.width } : {}) }) : wrap(`⚠ ${result.error}`)) + '\n\n');
        busy = false;
      }
      rl.prompt();
    }
  } finally {
    stopWatching?.();
    rl.close();
  }
}
