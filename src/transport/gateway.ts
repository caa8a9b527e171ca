/**
 * Gateway mode: a discord.js client (Guilds intent only) that answers interactions over the
 * WebSocket connection. Interactions are adapted to the shared input and answered by the same
 * code as the HTTP endpoint; responses go out through discord.js REST.
 */
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { GatewayConfig } from '../config';
import type { AnyCommand } from '../core/command';
import { dispatchInteraction } from '../discord/dispatch';
import { fromDiscordJs } from '../discord/fromDiscordJs';
import { createInteractionCore } from '../discord/interactions';
import { restResponder } from '../discord/restResponder';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log';

/** What both Discord transports need: the knowledge, the commands, a logger and how to reach Discord. */
export interface TransportDeps {
  /** Read per interaction, so a reload takes effect for the next one. */
  getKnowledgeBase: () => KnowledgeBase;
  commands: AnyCommand[];
  logger: Logger;
  /** REST base URL (without version); overrides `config.discordApi`. */
  restApi?: string;
  reload?: () => Promise<string>;
  /** Defer slow answers after this many ms (default 800). */
  deferAfterMs?: number;
}

/** The transport-independent interaction logic, set up the same way for both transports. */
export function coreFor(deps: TransportDeps & { config: { rateLimitPerMinute: number } }): ReturnType<typeof createInteractionCore> {
  return createInteractionCore({
    getKnowledgeBase: deps.getKnowledgeBase,
    commands: deps.commands,
    logger: deps.logger,
    rateLimitPerMinute: deps.config.rateLimitPerMinute,
    ...(deps.reload ? { reload: deps.reload } : {}),
  });
}

/** What gateway mode needs. */
export interface GatewayDeps extends TransportDeps {
  config: Pick<GatewayConfig, 'discordToken' | 'rateLimitPerMinute'> & { discordApi?: string };
}

/** A running gateway bot. */
export interface GatewayHandle {
  client: Client;
  /** Disconnects and releases every handle. */
  stop(): Promise<void>;
}

/** Logs in, waits until ready, and answers interactions until `stop()`. */
export async function runGateway(deps: GatewayDeps): Promise<GatewayHandle> {
  const { logger } = deps;
  const api = deps.restApi ?? deps.config.discordApi;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(api ? { rest: { api } } : {}) });
  const core = coreFor(deps);

  const onInteraction = (interaction: Interaction) => {
    // Each interaction runs on its own; a failure in one is logged and cannot reach another.
    let input;
    try {
      input = fromDiscordJs(interaction);
    } catch (err) {
      logger.error({ err }, 'could not read interaction');
      return;
    }
    if (input.kind === 'ping') return;
    void dispatchInteraction(input, core, restResponder(client.rest, input), { logger, ...(deps.deferAfterMs ? { deferAfterMs: deps.deferAfterMs } : {}) }).catch(
      (err: unknown) => logger.error({ err }, 'interaction dispatch failed'),
    );
  };
  client.on(Events.InteractionCreate, onInteraction);
  // An unhandled 'error' event would crash the process; log instead.
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err) => logger.error({ err }, 'discord shard error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(deps.config.discordToken);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'gateway ready');

  return {
    client,
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      await client.destroy();
    },
  };
}
