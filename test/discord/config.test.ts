/** Config validation: per-mode requirements, one clear line naming the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const KEY = 'a'.repeat(64);

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({}, 'console');
    expect(c).toMatchObject({ httpPort: 8787, httpHost: '127.0.0.1', knowledgeDir: 'knowledge', logLevel: 'info', rateLimitPerMinute: 20 });
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '111111111111111111',
        DISCORD_PUBLIC_KEY: KEY.toUpperCase(),
        DISCORD_GUILD_ID: '222222222222222222',
        HTTP_PORT: '9000',
        HTTP_HOST: '0.0.0.0',
        KNOWLEDGE_DIR: 'kb',
        LOG_LEVEL: 'debug',
        RATE_LIMIT_PER_MINUTE: '5',
        DISCORD_API: 'http://127.0.0.1:1234/api/',
      },
      'deploy',
    );
    expect(c).toMatchObject({
      discordToken: TOKEN,
      applicationId: '111111111111111111',
      guildId: '222222222222222222',
      httpPort: 9000,
      httpHost: '0.0.0.0',
      knowledgeDir: 'kb',
      logLevel: 'debug',
      rateLimitPerMinute: 5,
      discordApi: 'http://127.0.0.1:1234/api',
    });
    expect(loadConfig({ DISCORD_PUBLIC_KEY: KEY.toUpperCase() }, 'http').publicKey).toBe(KEY);
  });

  it.each([
    ['gateway', {}, 'DISCORD_TOKEN', /DISCORD_TOKEN is missing/],
    ['gateway', { DISCORD_TOKEN: 'not a token' }, 'DISCORD_TOKEN', /DISCORD_TOKEN is malformed/],
    ['gateway', { DISCORD_TOKEN: `Bot ${TOKEN}` }, 'DISCORD_TOKEN', /without the "Bot " prefix/],
    ['http', {}, 'DISCORD_PUBLIC_KEY', /DISCORD_PUBLIC_KEY is missing/],
    ['http', { DISCORD_PUBLIC_KEY: 'abc123' }, 'DISCORD_PUBLIC_KEY', /64 hexadecimal/],
    ['http', { DISCORD_PUBLIC_KEY: 'g'.repeat(64) }, 'DISCORD_PUBLIC_KEY', /malformed/],
    ['deploy', { DISCORD_TOKEN: TOKEN }, 'DISCORD_APPLICATION_ID', /DISCORD_APPLICATION_ID is missing/],
    ['deploy', { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'abc' }, 'DISCORD_APPLICATION_ID', /malformed/],
    ['deploy', { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '111111111111111111', DISCORD_GUILD_ID: 'x' }, 'DISCORD_GUILD_ID', /malformed/],
    ['console', { HTTP_PORT: 'eighty' }, 'HTTP_PORT', /HTTP_PORT is malformed/],
    ['console', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /LOG_LEVEL is malformed/],
    ['console', { RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE', /malformed/],
    ['console', { DISCORD_API: 'ftp://x' }, 'DISCORD_API', /malformed/],
  ] as const)('%s mode with %j → one line about %s', (mode, env, variable, message) => {
    const err = errorOf(() => loadConfig(env as NodeJS.ProcessEnv, mode));
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
    // The secret itself never appears in the message.
    expect(err.message).not.toContain(TOKEN);
  });

  it('ignores secrets the mode does not use', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'garbage', DISCORD_PUBLIC_KEY: 'nope' }, 'console')).not.toThrow();
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'nope', DISCORD_TOKEN: TOKEN }, 'gateway')).not.toThrow();
  });
});
