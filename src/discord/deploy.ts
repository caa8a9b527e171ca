/**
 * `npm run deploy-commands`: registers the slash commands (from `commands/`) and the
 * "Who said this?" menu with Discord. With `DISCORD_GUILD_ID` set they go to that one server
 * (instant, for development); otherwise globally. Registration replaces the whole set (PUT), so
 * removed commands disappear too.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commands as allCommands } from '../../commands/index';
import { loadConfigOrExit, type DeployConfig } from '../config';
import type { AnyCommand } from '../core/command';
import { buildCommandDefinitions } from './definitions';

/** What was registered, where. */
export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/** Registers `commands` (plus the context menu) and returns what was sent. */
export async function deployCommands(
  config: Pick<DeployConfig, 'discordToken' | 'applicationId' | 'guildId' | 'discordApi'>,
  commands: readonly AnyCommand[] = allCommands,
): Promise<DeployResult> {
  const body: RESTPostAPIApplicationCommandsJSONBody[] = buildCommandDefinitions(commands);
  const rest = new REST(config.discordApi ? { api: config.discordApi } : {}).setToken(config.discordToken);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body });
  return {
    scope: config.guildId ? 'guild' : 'global',
    ...(config.guildId ? { guildId: config.guildId } : {}),
    names: body.map((c) => c.name),
  };
}

/** One human line per registration, for the terminal. */
export function describeDeploy(result: DeployResult): string {
  const where = result.scope === 'guild' ? `server ${result.guildId}` : 'all servers (global; may take up to an hour to show)';
  return `Registered ${result.names.length} commands to ${where}: ${result.names.join(', ')}`;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit('deploy');
  try {
    process.stdout.write(`${describeDeploy(await deployCommands(config))}\n`);
  } catch (err) {
    // One line, no stack: the usual causes are a wrong token (401) or application id (404).
    const e = err as { status?: number; message?: string };
    process.stderr.write(`Could not register commands${e.status ? ` (HTTP ${e.status})` : ''}: ${e.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
