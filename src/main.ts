/**
 * Entry point. Picks a mode:
 * - `--json [LINE]`: answer one command line (or stdin lines) as JSON;
 * - `--http`: Discord HTTP interactions endpoint;
 * - DISCORD_TOKEN set: Discord gateway bot;
 * - otherwise: interactive console.
 */
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { commands } from '../commands/index';
import { usageLine } from '../commands/help';
import type { CommandContext } from './core/command';
import { loadKnowledgeBase } from './knowledge/knowledgeBase';
import { log } from './log';
import { runConsole } from './transport/console';
import { runJsonBatch, runJsonOnce } from './transport/json';

const HELP = `Quotebook — attributed excerpts from news articles, in Discord or in a terminal.

Usage:
  npm start                              console (when DISCORD_TOKEN is not set) or Discord gateway bot
  npm start -- --console                 console even when DISCORD_TOKEN is set
  npm start --silent -- --json '/search query:armistice'   one answer as one JSON line
  npm start --silent -- --json < lines.txt                 one JSON line per command line on stdin
  npm start -- --http                    Discord HTTP interactions endpoint (POST /interactions)
  npm run deploy-commands                register the slash commands with Discord

Options:
  --knowledge DIR   articles to load (default: $KNOWLEDGE_DIR or ./knowledge)
  --json [LINE]     JSON mode
  --http            HTTP interactions mode
  --console         force the console
  -h, --help        this text

Commands (the same in Discord, the console and JSON mode):
${commands.map((c) => `  ${usageLine(c.definition)}`).join('\n')}

Environment: see .env.example (DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY, ...).`;

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      http: { type: 'boolean' },
      console: { type: 'boolean' },
      knowledge: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const dir = values.knowledge ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const kb = await loadKnowledgeBase(dir);
  for (const p of kb.problems) log.warn({ file: p.file }, `knowledge file skipped: ${p.problem}`);
  const ctx: CommandContext = { kb, isAdmin: true };

  if (values.json) {
    const line = positionals.join(' ').trim();
    if (line) return (await runJsonOnce(line, commands, ctx, process.stdout, log)) ? 0 : 1;
    await runJsonBatch(process.stdin, commands, ctx, process.stdout, log);
    return 0;
  }
  if (values.http || (process.env.DISCORD_TOKEN && !values.console)) {
    process.stderr.write('Discord modes are not available in this build; starting the console.\n');
  }
  await runConsole(commands, ctx, {
    input: process.stdin,
    output: process.stdout,
    color: Boolean(process.stdout.isTTY),
    logger: log,
  });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    log.fatal({ err }, 'quotebook failed to start');
    process.exitCode = 1;
  },
);
