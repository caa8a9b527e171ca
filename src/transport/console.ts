/**
 * Interactive console: type the same commands as in Discord and read the answers in the terminal.
 * Used when no Discord token is configured, so the bot can be tried on any machine.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnyCommand, CommandContext } from '../core/command';
import type { Logger } from '../log';
import { renderText } from '../render/text';
import { answerLine } from './session';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  color: boolean;
  logger?: Logger;
}

export async function runConsole(commands: readonly AnyCommand[], ctx: CommandContext, opts: ConsoleOptions): Promise<void> {
  const { input, output } = opts;
  output.write(
    [
      `Quotebook console — ${ctx.kb.articles.length} article(s) loaded.`,
      'Type /help for commands, e.g. /search query:armistice or /who-said phrase:fundamentally aligned. Ctrl-D or /quit to leave.',
      'To answer in Discord instead, set DISCORD_TOKEN (see README, .env.example) and run npm start again.',
      '',
    ].join('\n'),
  );
  const rl = createInterface({ input, output, prompt: 'quotebook> ', terminal: (input as { isTTY?: boolean }).isTTY ?? false });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === '/quit' || trimmed === '/exit') break;
    if (trimmed) {
      const result = await answerLine(trimmed, commands, ctx, opts.logger);
      output.write(('answer' in result ? renderText(result.answer, { color: opts.color }) : `⚠ ${result.error}`) + '\n\n');
    }
    rl.prompt();
  }
  rl.close();
}
