/**
 * Entry point. Picks a mode:
 * - `--json [LINE]`: answer one command line (or stdin lines) as JSON;
 * - `--http`: Discord HTTP interactions endpoint;
 * - DISCORD_TOKEN set: Discord gateway bot;
 * - otherwise: interactive console.
 */
import { parseArgs } from 'node:util';
import { commands } from '../commands/index';
import { usageLine } from '../commands/help';
import type { CommandContext } from './core/command';
import { loadKnowledgeBase } from './knowledge/knowledgeBase';
import { loadConfigOrExit, readEnv } from './config';
import { createLogger, type Logger } from './log';
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
  const env = readEnv();
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
  const mode = values.json || values.console ? 'console' : values.http ? 'http' : env.DISCORD_TOKEN ? 'gateway' : 'console';
  const config = loadConfigOrExit(mode, env);
  const log = createLogger(config.logLevel);
  const dir = values.knowledge ?? config.knowledgeDir;
  const kb = await loadKnowledgeBase(dir);
  for (const p of kb.problems) log.warn({ file: p.file }, `knowledge file skipped: ${p.problem}`);
  const ctx: CommandContext = { kb, isAdmin: true };

  if (mode === 'gateway' || mode === 'http') {
    const deps = { getKnowledgeBase: () => ctx.kb, commands, logger: log };
    let stop: () => Promise<void>;
    if (mode === 'http') {
      const { runHttp } = await import('./transport/http');
      const httpConfig = loadConfigOrExit('http', env);
      const handle = await runHttp({ ...deps, config: httpConfig, port: httpConfig.httpPort, host: httpConfig.httpHost });
      stop = () => handle.close();
    } else {
      const { runGateway } = await import('./transport/gateway');
      const handle = await runGateway({ ...deps, config: loadConfigOrExit('gateway', env) });
      stop = () => handle.stop();
    }
    await untilSignal(log);
    await stop();
    return 0;
  }

  if (values.json) {
    const line = positionals.join(' ').trim();
    if (line) return (await runJsonOnce(line, commands, ctx, process.stdout, log)) ? 0 : 1;
    await runJsonBatch(process.stdin, commands, ctx, process.stdout, log);
    return 0;
  }
  await runConsole(commands, ctx, {
    input: process.stdin,
    output: process.stdout,
    color: Boolean(process.stdout.isTTY),
    logger: log,
  });
  return 0;
}

/** Resolves on SIGTERM or SIGINT, so the caller can finish in-flight work and shut down cleanly. */
function untilSignal(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    createLogger().fatal({ err }, 'quotebook failed to start');
    process.exitCode = 1;
  },
);
