/**
 * What the gateway and the HTTP endpoint share: their dependencies and the interaction core set up
 * from them, the same way for both.
 */
import type { AnyCommand } from '../core/command';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log';
import { createInteractionCore, type InteractionDeps } from './interactions';
import { attachmentFetcher } from './attachments';

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
  /** Per-server knowledge (shared folder + the server's library); absent: the shared folder everywhere. */
  knowledgeFor?: InteractionDeps['knowledgeFor'];
  /** The per-server library (`/library …`). */
  library?: InteractionDeps['library'];
  /** Speaker corrections and feedback (`/correct`, `/corrections`, the answer buttons). */
  corrections?: InteractionDeps['corrections'];
  /** Downloads attachments for `/library add file:`. */
  fetchAttachment?: InteractionDeps['fetchAttachment'];
  /** "Who said it?" (`/quiz …`). */
  quiz?: InteractionDeps['quiz'];
}

/** The transport-independent interaction logic, set up the same way for both transports. */
export function coreFor(deps: TransportDeps & { config: { rateLimitPerMinute: number } }): ReturnType<typeof createInteractionCore> {
  return createInteractionCore({
    getKnowledgeBase: deps.getKnowledgeBase,
    commands: deps.commands,
    logger: deps.logger,
    rateLimitPerMinute: deps.config.rateLimitPerMinute,
    ...(deps.reload ? { reload: deps.reload } : {}),
    ...(deps.knowledgeFor ? { knowledgeFor: deps.knowledgeFor } : {}),
    ...(deps.library ? { library: deps.library } : {}),
    ...(deps.quiz ? { quiz: deps.quiz } : {}),
    ...(deps.corrections ? { corrections: deps.corrections } : {}),
    // Attachments come from Discord's CDN only, unless a test names its fake's address.
    fetchAttachment: deps.fetchAttachment ?? attachmentFetcher(),
  });
}
