/**
 * Process configuration: read from the environment (and `.env` via dotenv), validated with zod.
 * Each run mode needs different secrets, so validation is per mode: the console needs none, the
 * gateway needs a bot token, the HTTP endpoint needs the public key, deploying needs token + app id.
 * A problem is reported as one line naming the variable, never a stack trace.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** Which part of the program is starting; decides which variables are required. */
export type ConfigMode = 'console' | 'gateway' | 'http' | 'deploy';

/** Settings every mode has (with defaults). */
export interface BaseConfig {
  discordToken?: string;
  applicationId?: string;
  publicKey?: string;
  guildId?: string;
  httpPort: number;
  httpHost: string;
  knowledgeDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Slash commands and button presses one user may make per minute. */
  rateLimitPerMinute: number;
  /** Where the console and JSON modes write chart PNGs; unset = the system's temporary folder. */
  outputDir?: string;
  /** REST base URL without version, e.g. `http://127.0.0.1:8080/api`; discord.js default when absent. */
  discordApi?: string;
  /**
   * Where per-server libraries are stored: `sqlite:<path>` (default `sqlite:data/quotebook.sqlite`,
   * created on first start) or `postgres://user:password@host:port/database`.
   */
  databaseUrl: string;
  /** Memory budget for servers' libraries held in memory, in MB; least recently used ones are dropped beyond it. */
  libraryMemoryMb: number;
}
export type GatewayConfig = BaseConfig & { discordToken: string };
export type HttpConfig = BaseConfig & { publicKey: string };
export type DeployConfig = BaseConfig & { discordToken: string; applicationId: string };
export type Config = BaseConfig;

/** The embedded SQLite file, relative to the working directory (git-ignored). */
export const DEFAULT_DATABASE_URL = 'sqlite:data/quotebook.sqlite';

/** A configuration problem; `message` is the one line to show the user. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord ID (17–20 digits)');
// Bot tokens are three base64url segments joined by dots; catching "Bot xxx" or pasted quotes early
// saves a confusing 401 from Discord later.
const token = z
  .string()
  .refine((v) => !/^bot\s/i.test(v), 'must be the bare token, without the "Bot " prefix')
  .refine((v) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(v), 'does not look like a bot token (three dot-separated parts)');
const publicKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (the application public key)');
// A typo here would otherwise surface as a confusing driver error at the first /library add.
const databaseUrl = z
  .string()
  .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/[^/]/.test(v), 'must be sqlite:<path> or postgres://user:password@host:port/database');
const port = z.coerce.number().int().min(0).max(65535);

/** Per variable: its schema, and the modes that cannot run without it. */
const VARS = {
  DISCORD_TOKEN: { schema: token, requiredIn: ['gateway', 'deploy'] },
  DISCORD_APPLICATION_ID: { schema: snowflake, requiredIn: ['deploy'] },
  DISCORD_PUBLIC_KEY: { schema: publicKey, requiredIn: ['http'] },
  DISCORD_GUILD_ID: { schema: snowflake, requiredIn: [] },
  HTTP_PORT: { schema: port, requiredIn: [] },
  HTTP_HOST: { schema: z.string().min(1), requiredIn: [] },
  KNOWLEDGE_DIR: { schema: z.string().min(1), requiredIn: [] },
  OUTPUT_DIR: { schema: z.string().min(1), requiredIn: [] },
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), requiredIn: [] },
  RATE_LIMIT_PER_MINUTE: { schema: z.coerce.number().int().min(1).max(10_000), requiredIn: [] },
  DATABASE_URL: { schema: databaseUrl, requiredIn: [] },
  LIBRARY_MEMORY_MB: { schema: z.coerce.number().int().min(8).max(1_000_000), requiredIn: [] },
  DISCORD_API: {
    schema: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
    requiredIn: [],
  },
} as const satisfies Record<string, { schema: z.ZodType; requiredIn: readonly ConfigMode[] }>;

type VarName = keyof typeof VARS;

/** Secrets only matter in the modes that use them: a stale token must not stop the console. */
const ONLY_CHECKED_IN: Partial<Record<VarName, readonly ConfigMode[]>> = {
  DISCORD_TOKEN: ['gateway', 'deploy'],
  DISCORD_PUBLIC_KEY: ['http'],
  DISCORD_APPLICATION_ID: ['deploy', 'gateway', 'http'],
  DISCORD_GUILD_ID: ['deploy', 'gateway', 'http'],
};

function read<N extends VarName>(env: NodeJS.ProcessEnv, name: N, mode: ConfigMode): z.output<(typeof VARS)[N]['schema']> | undefined {
  const spec = VARS[name];
  const checkedIn = ONLY_CHECKED_IN[name];
  if (checkedIn && !checkedIn.includes(mode)) return undefined;
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    if ((spec.requiredIn as readonly ConfigMode[]).includes(mode)) {
      throw new ConfigError(name, `${name} is missing: ${mode} mode needs it (see .env.example)`);
    }
    return undefined;
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues[0]?.message ?? 'invalid value';
    throw new ConfigError(name, `${name} is malformed: ${why}`);
  }
  return parsed.data as z.output<(typeof VARS)[N]['schema']>;
}

/** Loads `.env` (if present) into `process.env` without overriding real variables, quietly. */
export function readEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}

/**
 * Validates the environment for `mode`. Throws `ConfigError` (one-line message naming the
 * variable) when something the mode needs is missing or malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv, mode: 'gateway'): GatewayConfig;
export function loadConfig(env: NodeJS.ProcessEnv, mode: 'http'): HttpConfig;
export function loadConfig(env: NodeJS.ProcessEnv, mode: 'deploy'): DeployConfig;
export function loadConfig(env?: NodeJS.ProcessEnv, mode?: ConfigMode): Config;
export function loadConfig(env: NodeJS.ProcessEnv = readEnv(), mode: ConfigMode = 'console'): Config {
  return {
    discordToken: read(env, 'DISCORD_TOKEN', mode),
    applicationId: read(env, 'DISCORD_APPLICATION_ID', mode),
    publicKey: read(env, 'DISCORD_PUBLIC_KEY', mode)?.toLowerCase(),
    guildId: read(env, 'DISCORD_GUILD_ID', mode),
    httpPort: read(env, 'HTTP_PORT', mode) ?? 8787,
    httpHost: read(env, 'HTTP_HOST', mode) ?? '127.0.0.1',
    knowledgeDir: read(env, 'KNOWLEDGE_DIR', mode) ?? 'knowledge',
    logLevel: read(env, 'LOG_LEVEL', mode) ?? 'info',
    rateLimitPerMinute: read(env, 'RATE_LIMIT_PER_MINUTE', mode) ?? 20,
    discordApi: read(env, 'DISCORD_API', mode),
    outputDir: read(env, 'OUTPUT_DIR', mode),
    databaseUrl: read(env, 'DATABASE_URL', mode) ?? DEFAULT_DATABASE_URL,
    libraryMemoryMb: read(env, 'LIBRARY_MEMORY_MB', mode) ?? 256,
  };
}

/**
 * `loadConfig` for entry points: on a configuration problem prints the one-line message to stderr
 * and exits with status 1 (no stack trace).
 */
export function loadConfigOrExit(mode: 'gateway', env?: NodeJS.ProcessEnv): GatewayConfig;
export function loadConfigOrExit(mode: 'http', env?: NodeJS.ProcessEnv): HttpConfig;
export function loadConfigOrExit(mode: 'deploy', env?: NodeJS.ProcessEnv): DeployConfig;
export function loadConfigOrExit(mode: ConfigMode, env?: NodeJS.ProcessEnv): Config;
export function loadConfigOrExit(mode: ConfigMode, env: NodeJS.ProcessEnv = readEnv()): Config {
  try {
    return loadConfig(env, mode);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
