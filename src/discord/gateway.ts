/**
 * Gateway mode: a discord.js client (Guilds intent only) that answers interactions over the
 * WebSocket connection. Each INTERACTION_CREATE payload is checked by the same schema as an HTTP
 * body (`parseInteraction`) and answered by the same code as the HTTP endpoint; responses go out
 * through discord.js REST. discord.js's own interaction objects are not built: they would read
 * the payload before any check (a `member` without `user` threw inside the client).
 */
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import type { GatewayConfig } from '../config';
import { dispatchInteraction } from './dispatch';
import { parseInteraction } from './input';
import { createReplayGuard } from './replay';
import { restResponder } from './restResponder';
import { coreFor, type TransportDeps } from './transportCore';

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
  const replays = createReplayGuard();
  stopBuiltInInteractions(client);

  const onInteraction = (raw: unknown) => {
    // Each interaction runs on its own; a failure in one is logged and cannot reach another.
    const parsed = parseInteraction(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, 'dropped malformed interaction');
      return;
    }
    const input = parsed.input;
    if (input.kind === 'ping') return;
    if (!replays.firstTime(input.id)) {
      logger.info({ reason: 'replay' }, 'dropped repeated interaction');
      return;
    }
    void dispatchInteraction(input, core, restResponder(client.rest, input), { logger, ...(deps.deferAfterMs ? { deferAfterMs: deps.deferAfterMs } : {}) }).catch(
      (err: unknown) => logger.error({ err }, 'interaction dispatch failed'),
    );
  };
  // Raw payloads, emitted before discord.js handles the packet (and also before it is ready).
  client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteraction);
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
      client.ws.removeListener(GatewayDispatchEvents.InteractionCreate, onInteraction);
      await client.destroy();
    },
  };
}

/**
 * discord.js builds an interaction object from every INTERACTION_CREATE before anyone checks it,
 * and some malformed payloads make that throw inside the client. This bot reads the raw payload
 * (above), so the built-in handling is switched off. Fails loudly at start-up if discord.js
 * changes the place this relies on.
 */
function stopBuiltInInteractions(client: Client): void {
  const actions = (client as unknown as { actions?: { InteractionCreate?: { handle?: unknown } } }).actions;
  const action = actions?.InteractionCreate;
  if (!action || typeof action.handle !== 'function') throw new Error('discord.js has no InteractionCreate action to replace; check gateway.ts');
  action.handle = () => undefined;
}
