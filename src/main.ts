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
import { loadKnowledgeFolder } from './knowledge/folder';
import { KnowledgeReloader } from './knowledge/reload';
import { reportKnowledgeProblems } from './knowledge/report';
import { runShards, shardSetting, withoutShardArgs } from './discord/shards';
import { loadConfigOrExit, readEnv } from './config';
import { createLogger, type Logger } from './log';
import { runConsole } from './transport/console';
import { wordVectors } from './answer/wordVectors';
import { prepareQuoteClusters } from './across/clusters';
import { consoleFileReader } from './transport/readFile';
import { openLibraryStore } from './storage/open';
import { lazyStore } from './library/lazyStore';
import { LibraryService } from './library/service';
import { CorrectionService } from './library/corrections';
import type { SpeakerOverrides } from './core/corrections';
import { importFromFile, makeImportFromUrl } from './ingest/web/index';
import { runJsonBatch, runJsonOnce } from './transport/json';
import { writeText } from './transport/writeText';
import { exportBases, exportFormat } from './answer/export';
import { exportEncoder } from './answer/exportEncode';
import { exportText } from './answer/exportParts';
import { exportRows } from './answer/exportRows';
import { UserInputError } from './core/errors';
import { QuizService, realSchedule } from './quiz/service';

const HELP = `Quotebook — attributed excerpts from news articles, in Discord or in a terminal.

Usage:
  npm start                              console (when DISCORD_TOKEN is not set) or Discord gateway bot
  npm start -- --console                 console even when DISCORD_TOKEN is set
  npm start --silent -- --json '/search query:armistice'   one answer as one JSON line
  npm start --silent -- --json < lines.txt                 one JSON line per command line on stdin
  npm start --silent -- --export csv > quotes.csv          every statement as CSV (or json) on stdout
  npm start -- --http                    Discord HTTP interactions endpoint (POST /interactions)
  npm run deploy-commands                register the slash commands with Discord

Options:
  --knowledge DIR   articles to load (default: $KNOWLEDGE_DIR or ./knowledge)
  --json [LINE]     JSON mode
  --http            HTTP interactions mode
  --console         force the console
  --export csv|json write every statement (shared folder and the console's library) to stdout
  --article ID      with --export: only this article
  --spreadsheet     with --export csv: UTF-8 BOM and formula-like cells made safe, for Excel/Sheets
  --shards auto|N   gateway mode with discord.js sharding, one process per shard (or SHARD_COUNT)
  --no-cache        build the knowledge base without reading or writing .cache/
  --no-watch        don't reload when files in the knowledge folder change (console and Discord modes)
  -h, --help        this text

Commands (the same in Discord, the console and JSON mode):
${commands.map((c) => `  ${usageLine(c.definition)}`).join('\n')}

In the console and JSON mode a line of just 1, 2, 3 or 4 answers the open /quiz round
(the same as /quiz answer choice:N).

Environment: see .env.example (DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY, ...).`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  http: { type: 'boolean' },
  console: { type: 'boolean' },
  export: { type: 'string' },
  article: { type: 'string' },
  spreadsheet: { type: 'boolean' },
  knowledge: { type: 'string' },
  shards: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'no-watch': { type: 'boolean' },
} as const;

/** One line for a command-line mistake, naming the closest real option when there is one. */
function argumentProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const flag = /'(-{1,2}[^'\s]*)/.exec(message)?.[1];
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const name = flag.replace(/^-+/, '').split('=')[0]!;
    const near = Object.keys(OPTIONS).find((o) => editDistance(o, name) <= 2);
    return `Unknown option ${flag}${near ? ` (did you mean --${near}?)` : ''}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) return `Option ${flag} needs a value.`;
  return `Bad command line: ${message.split('.')[0]}.`;
}

/** Levenshtein distance, for flag suggestions (short strings only). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

async function main(): Promise<number> {
  const env = readEnv();
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (err) {
    // A mistyped flag: one line saying what is wrong, then the usage; no stack trace.
    process.stderr.write(`${argumentProblem(err)}\n\n${HELP.slice(HELP.indexOf('Usage:'), HELP.indexOf('Commands ('))}Run npm start -- --help for the commands too.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if ((values.article !== undefined || values.spreadsheet) && values.export === undefined) {
    process.stderr.write('--article and --spreadsheet go with --export (e.g. npm start --silent -- --export csv --article ID).\n');
    return 2;
  }
  const mode = values.json || values.console || values.export !== undefined ? 'console' : values.http ? 'http' : env.DISCORD_TOKEN ? 'gateway' : 'console';
  const config = loadConfigOrExit(mode, env);
  const log = createLogger(config.logLevel);
  const dir = values.knowledge ?? config.knowledgeDir;
  const shards = mode === 'gateway' ? shardSetting(values.shards, env) : undefined;
  if (shards) {
    const signalled = untilSignal(log); // before any shard announces it is ready (see below)
    // Build or refresh the cache once here; every shard process then starts from it.
    await loadKnowledgeFolder(dir);
    const gateway = loadConfigOrExit('gateway', env);
    const handle = await runShards({
      token: gateway.discordToken,
      shards,
      ...(gateway.discordApi ? { api: gateway.discordApi } : {}),
      args: withoutShardArgs(process.argv.slice(2)),
      logger: log,
      ...(env.SHARD_SPAWN_DELAY_MS ? { delayMs: Number(env.SHARD_SPAWN_DELAY_MS) } : {}),
      ...(env.SHARD_LIST ? { shardList: env.SHARD_LIST.split(',').map(Number) } : {}),
    });
    await signalled;
    await handle.stop();
    return 0;
  }
  const { kb } = await loadKnowledgeFolder(dir, { noCache: Boolean(values['no-cache']) });
  // The interactive console lists skipped files itself, as text.
  if (mode !== 'console' || values.json || values.export !== undefined) reportKnowledgeProblems(kb.problems, log);
  // Transports read the holder per request; a reload swaps `holder.current` in one assignment.
  const holder = { current: kb };
  const discordMode = mode === 'gateway' || mode === 'http';
  // A process that stays up to answer many questions (not a one-shot run) builds what the first
  // answers would otherwise wait for ahead of them (below, and on every reload).
  const staysUp = discordMode || (!values.json && values.export === undefined && positionals.length === 0);
  const reloader = new KnowledgeReloader(dir, holder, {
    ...(values['no-cache'] ? { noCache: true } : {}),
    // A reloaded base gets its quote clusters before it is swapped in, a slice at a time, while the
    // old base goes on answering (built on the first /who-said instead, a 190k-paragraph base
    // would hold every answer for 6.6 s).
    ...(staysUp ? { prepare: prepareQuoteClusters } : {}),
    // The console prints reloads as text (the /reload answer, or a line when the watcher reloads);
    // log lines are for the Discord modes.
    ...(mode === 'console'
      ? {}
      : { onReload: (e) => (e.ok ? log.info({ problems: e.kb?.problems.length }, e.message) : log.error({ err: e.error }, e.message)) }),
  });
  const reload = () => reloader.reload();
  // Per-server libraries: the database opens on first use; each server's articles load on its
  // first question, beside the shared folder's base (held once).
  const store = lazyStore(() => openLibraryStore(config));
  const library = new LibraryService({
    store,
    shared: () => holder.current,
    importFromUrl: makeImportFromUrl(),
    importFromFile,
    memoryBudgetBytes: config.libraryMemoryMb * 1024 * 1024,
    logger: log,
    // A server's quote clusters, like the shared folder's, are built ahead of its first /who-said.
    ...(staysUp ? { prepare: prepareQuoteClusters } : {}),
  });
  // /ask's word vectors take ~0.1 s to read: a process that stays up to answer many questions
  // reads them now, so the first /ask does not wait for them (a one-shot run reads them on use).
  // Likewise the quote clusters that /who-said and /quotes show (built on first use: 0.6 s at 19k
  // paragraphs, 5 s at 190k), but in the background, a slice at a time, so the bot answers from the
  // first second; a /who-said in those seconds builds them itself.
  let shuttingDown = false;
  if (staysUp) {
    wordVectors();
    const started = performance.now();
    prepareQuoteClusters(kb, 15, () => shuttingDown).then(
      () => log.debug({ ms: Math.round(performance.now() - started) }, 'quote clusters built'),
      (err: unknown) => log.warn({ err }, 'quote clusters not built ahead; the first answer that shows them builds them'),
    );
  }
  // "Who said it?" in the same database. Discord closes rounds on a timer; the console is one
  // player, so each answer closes its round.
  const quiz = new QuizService({ store: store.quiz(), logger: log, ...(discordMode ? { schedule: realSchedule } : { solo: true }) });
  // Corrections by the group live in the same database; accepted ones overlay every answer of their server.
  const corrections = new CorrectionService({
    store: store.corrections(),
    settings: (guildId) => store.settings(guildId),
    segments: (guildId) => library.segments(guildId),
    loadedSegments: (guildId) => library.loadedSegments(guildId),
    logger: log,
  });
  // The console acts as one server ("console"), managed by whoever types.
  const CONSOLE = 'console';
  const ctx: CommandContext = {
    get kb() {
      return holder.current;
    },
    get segments() {
      return library.loadedSegments(CONSOLE);
    },
    isAdmin: true,
    reload,
    get overrides() {
      return corrections.loadedOverrides(CONSOLE);
    },
    caller: { guildId: CONSOLE, userId: CONSOLE, canManageServer: true, roleIds: [] },
    library,
    quiz,
    corrections,
    readFile: consoleFileReader(),
  };

  if (mode === 'gateway' || mode === 'http') {
    const deps = {
      getKnowledgeBase: () => holder.current,
      commands,
      logger: log,
      reload,
      knowledgeFor: (guildId: string | null) => library.segments(guildId),
      library,
      quiz,
      corrections,
    };
    const stopWatching = values['no-watch'] ? () => {} : reloader.watch();
    // Listen for the stop signal before the transport announces it is ready: a supervisor (or a
    // test) that sends SIGINT right after "gateway ready" must get a clean shutdown, not Node's
    // default exit on the signal. A signal during start-up stops the bot once it has started.
    const signalled = untilSignal(log);
    let stop: () => Promise<void>;
    if (mode === 'http') {
      const { runHttp } = await import('./discord/http');
      const httpConfig = loadConfigOrExit('http', env);
      const handle = await runHttp({ ...deps, config: httpConfig, port: httpConfig.httpPort, host: httpConfig.httpHost });
      stop = () => handle.close();
    } else {
      const { runGateway } = await import('./discord/gateway');
      const handle = await runGateway({ ...deps, config: loadConfigOrExit('gateway', env) });
      stop = () => handle.stop();
    }
    await signalled;
    shuttingDown = true;
    stopWatching();
    quiz.stop();
    await stop();
    await store.close();
    return 0;
  }

  // The console's server library, loaded once; adds and removes swap it in place.
  await library.segments(CONSOLE);
  await corrections.overrides(CONSOLE);

  if (values.export !== undefined) {
    const code = await exportToStdout(library.loadedSegments(CONSOLE), values.export, values.article, Boolean(values.spreadsheet), corrections.loadedOverrides(CONSOLE));
    await store.close();
    return code;
  }

  if (values.json) {
    const line = positionals.join(' ').trim();
    if (line) {
      const ok = await runJsonOnce(line, commands, ctx, process.stdout, log, config.outputDir);
      await store.close();
      return ok ? 0 : 1;
    }
    await runJsonBatch(process.stdin, commands, ctx, process.stdout, log, config.outputDir);
    await store.close();
    return 0;
  }
  await runConsole(commands, ctx, {
    input: process.stdin,
    output: process.stdout,
    color: Boolean(process.stdout.isTTY),
    logger: log,
    knowledgeDir: dir,
    ...(config.outputDir ? { outputDir: config.outputDir } : {}),
    ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns - 1 } : {}),
    ...(values['no-watch'] ? {} : { watch: (onChange: (message: string) => void) => reloader.watch(onChange) }),
  });
  shuttingDown = true;
  return 0;
}

/**
 * `--export csv|json [--article ID] [--spreadsheet]`: the export `/export` sends, as one file on
 * stdout (no upload limit, so never in parts), written as it is made. A bad format or article id
 * is one line on stderr and exit code 2.
 */
async function exportToStdout(
  bases: Parameters<typeof exportBases>[0],
  format: string,
  article: string | undefined,
  spreadsheet: boolean,
  // The console's accepted corrections: the export carries them as /export does in a server.
  overrides: SpeakerOverrides | undefined,
): Promise<number> {
  let rows;
  let encoder;
  try {
    encoder = exportEncoder(exportFormat(format), { spreadsheet });
    const only = article?.trim().toLowerCase();
    rows = exportRows(exportBases(bases, article), { ...(only ? { articleId: only } : {}), ...(overrides ? { overrides } : {}) });
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    process.stderr.write(`${err.message.replace(/\(e\.g\. \/export format:csv\)/, '(e.g. --export csv)')}\n`);
    return 2;
  }
  await writeText(exportText(rows, encoder), process.stdout);
  return 0;
}

/** Resolves on SIGTERM or SIGINT, so the caller can finish in-flight work and shut down cleanly. */
function untilSignal(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    // The handlers stay installed: a repeated signal (tsx relays SIGINT/SIGTERM again when the
    // process is slow to confirm it) must not kill the process in the middle of a clean shutdown.
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return log.info({ signal }, 'already shutting down');
      stopping = true;
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

// A stray rejection or exception in one interaction must not take the bot down for everyone:
// log it and keep serving. (discord.js and our transports catch their own errors; this is the net.)
process.on('unhandledRejection', (reason) => createLogger().error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (err) => createLogger().error({ err }, 'uncaught exception'));

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    createLogger().fatal({ err }, 'quotebook failed to start');
    process.exitCode = 1;
  },
);
