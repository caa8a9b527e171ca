/**
 * The real gateway bot (discord.js `Client`) logged in to a local fake Discord, as the end-to-end
 * files start it: the fake's REST and gateway, a token of the right shape, a rate limit no test
 * reaches unless it sets its own.
 */
import { commands as allCommands } from '../../commands/index';
import { runGateway, type GatewayDeps, type GatewayHandle } from '../../src/discord/gateway';

/** A bot token of the shape discord.js accepts; the fake Discord accepts any. */
export const FAKE_BOT_TOKEN = 'MTExMTExMTExMTExMTExMTEx.fake.token';

/** What a test gives `startTestGateway`: the gateway's own deps, with the Discord parts optional. */
export type TestGatewayDeps = Omit<GatewayDeps, 'config' | 'restApi' | 'commands'> & {
  /** Defaults to every registered command. */
  commands?: GatewayDeps['commands'];
  /** Defaults to 1000 a minute: more than any test sends unless it is testing the limit. */
  rateLimitPerMinute?: number;
};

/**
 * Logs a real gateway bot in to the fake Discord at `fake.api` and resolves once it is ready
 * (stop it with `handle.stop()` in the file's `afterAll`).
 */
export function startTestGateway(fake: { api: string }, deps: TestGatewayDeps): Promise<GatewayHandle> {
  const { rateLimitPerMinute = 1000, commands = allCommands, ...rest } = deps;
  return runGateway({ ...rest, commands, config: { discordToken: FAKE_BOT_TOKEN, rateLimitPerMinute }, restApi: fake.api });
}
