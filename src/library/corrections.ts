/**
 * Corrections by the group (issue #16): members propose the right speaker for a statement, the
 * server's managers accept or reject, and an accepted correction replaces the engine's speaker for
 * that statement in that server only, in every answer, at once.
 *
 * Corrections are an overlay applied while answering (`CommandContext.overrides`), not a rebuild of
 * the server's bases: the shared folder's base is held once for every server, so rebuilding it per
 * server with its corrections would cost a second copy of the largest base for each server that
 * corrects anything. The overlay is a map from a statement's place to its override, rebuilt only
 * when the server's accepted corrections or its bases change (a few microseconds per correction).
 *
 * A correction names its statement by article, content offsets and the sha256 of the content text.
 * When the bases change (re-analysis, a new ANALYSIS_VERSION, an edited file) the offsets may move:
 * the statement with the same text hash is found again; when no statement has those words any
 * more, the correction is stale — shown to managers in `/corrections`, never applied elsewhere.
 */
import { statementHash, type CorrectionItem, type CorrectionsAccess, type CorrectionsList, type PlacedOverride, type Proposal, type SpeakerOverride, type SpeakerOverrides } from '../core/corrections';
import { storeCall, UserInputError } from '../core/errors';
import type { Caller } from '../core/library';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log';
import type { CorrectionStore, StoredCorrection } from '../storage/correctionStore';
import type { LibrarySettings } from '../storage/libraryStore';
import { canEdit } from './rules';

export interface CorrectionServiceDeps {
  store: CorrectionStore;
  /** A server's settings (for its library manager role). */
  settings: (guildId: string) => Promise<Pick<LibrarySettings, 'managerRoleId'>>;
  /** The bases a server answers from (`LibraryService.segments`). */
  segments: (guildId: string | null) => Promise<readonly KnowledgeBase[]>;
  /** The same without waiting (the console, after loading once). */
  loadedSegments: (guildId: string | null) => readonly KnowledgeBase[];
  logger?: Pick<Logger, 'warn' | 'error'>;
  now?: () => Date;
  /** How long another process's decisions may take to show here (PostgreSQL shared by shards). */
  refreshMs?: number;
}

/** Pending corrections one server may hold before members are asked to wait for a review. */
export const MAX_PENDING = 200;
/** Pending corrections one `/corrections` answer lists. */
export const LIST_PENDING = 20;

const DOWN = 'The corrections database is unavailable right now. Answers still work; try again in a few minutes.';

interface Accepted {
  rows: StoredCorrection[];
  loadedAt: number;
}

interface Overlay {
  bases: readonly KnowledgeBase[];
  rows: StoredCorrection[];
  overrides: SpeakerOverrides | undefined;
  stale: Set<number>;
}

/** The corrections of every server, and each server's overlay of accepted ones. */
export class CorrectionService implements CorrectionsAccess {
  private readonly accepted = new Map<string, Accepted>();
  private readonly overlays = new Map<string, Overlay>();
  private readonly now: () => Date;
  private readonly refreshMs: number;

  constructor(private readonly deps: CorrectionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.refreshMs = deps.refreshMs ?? 15_000;
  }

  /**
   * A server's accepted corrections as the overlay answers read, or undefined when it has none.
   * Never rejects: when the database is down, answers go on with the engine's speakers.
   */
  async overrides(guildId: string | null): Promise<SpeakerOverrides | undefined> {
    if (guildId === null) return undefined;
    try {
      await this.acceptedRows(guildId);
    } catch (err) {
      this.deps.logger?.warn({ err, guildId }, 'corrections unavailable; answering with the engine speakers');
      return undefined;
    }
    return this.overlay(guildId, await this.deps.segments(guildId)).overrides;
  }

  /** `overrides` from what is loaded, without waiting (the console reads this per command). */
  loadedOverrides(guildId: string | null): SpeakerOverrides | undefined {
    if (guildId === null || !this.accepted.has(guildId)) return undefined;
    return this.overlay(guildId, this.deps.loadedSegments(guildId)).overrides;
  }

  private async acceptedRows(guildId: string): Promise<StoredCorrection[]> {
    const had = this.accepted.get(guildId);
    if (had && Date.now() - had.loadedAt < this.refreshMs) return had.rows;
    const rows = await this.deps.store.accepted(guildId);
    this.accepted.set(guildId, { rows, loadedAt: Date.now() });
    return rows;
  }

  private overlay(guildId: string, bases: readonly KnowledgeBase[]): Overlay {
    const rows = this.accepted.get(guildId)?.rows ?? [];
    const had = this.overlays.get(guildId);
    if (had && had.rows === rows && had.bases.length === bases.length && had.bases.every((b, i) => b === bases[i])) return had;
    const built = { bases: [...bases], rows, ...buildOverlay(rows, bases) };
    this.overlays.set(guildId, built);
    return built;
  }

  async propose(caller: Caller, proposal: Proposal): Promise<number> {
    const guildId = serverOf(caller);
    const { store } = this.deps;
    if ((await this.db(() => store.countPending(guildId))) >= MAX_PENDING) {
      throw new UserInputError(`${MAX_PENDING} corrections are already waiting for review here; a manager can go through them with /corrections.`);
    }
    const to = proposal.to;
    return await this.db(() =>
      store.propose({
        guildId,
        articleId: proposal.articleId,
        paragraph: proposal.paragraph,
        contentStart: proposal.content.start,
        contentEnd: proposal.content.end,
        textHash: proposal.textHash,
        text: proposal.text,
        fromLabel: proposal.from,
        toName: to.speaker?.name ?? null,
        toRole: to.speaker?.role ?? null,
        toAffiliation: to.speaker?.affiliation ?? null,
        toSpeakerId: to.speakerId ?? null,
        toSource: to.source,
        proposedBy: caller.userId,
        proposedAt: this.now().toISOString(),
      }),
    );
  }

  async list(caller: Caller): Promise<CorrectionsList> {
    const guildId = await this.manager(caller);
    const { store } = this.deps;
    const [pending, count, feedback] = await this.db(() => Promise.all([store.pending(guildId, LIST_PENDING), store.countPending(guildId), store.feedbackCounts(guildId)]));
    this.accepted.delete(guildId);
    await this.db(() => this.acceptedRows(guildId));
    const bases = await this.deps.segments(guildId);
    const overlay = this.overlay(guildId, bases);
    const stale = overlay.rows.filter((r) => overlay.stale.has(r.id));
    return {
      items: [...stale, ...pending].map((r) => item(r, bases, overlay.stale.has(r.id))),
      more: Math.max(0, count - pending.length),
      feedback,
    };
  }

  async decide(caller: Caller, id: number, accept: boolean): Promise<CorrectionItem> {
    const guildId = await this.manager(caller);
    const { store } = this.deps;
    const decided = await this.db(() => store.decide(guildId, id, accept, caller.userId, this.now().toISOString()));
    if (!decided) {
      const row = await this.db(() => store.get(guildId, id));
      throw new UserInputError(row ? `Correction #${id} was already ${row.status}.` : `There is no correction #${Number.isSafeInteger(id) ? id : '?'} in this server (see /corrections).`);
    }
    if (accept) {
      // Applied at once in this process; other processes see it within `refreshMs`.
      const had = this.accepted.get(guildId);
      const rows = had ? [...had.rows, decided] : await this.db(() => store.accepted(guildId));
      this.accepted.set(guildId, { rows, loadedAt: had?.loadedAt ?? Date.now() });
    }
    const bases = await this.deps.segments(guildId);
    return item(decided, bases, accept && this.overlay(guildId, bases).stale.has(decided.id));
  }

  async feedback(caller: Caller, answerKey: string, command: string, up: boolean): Promise<void> {
    const guildId = serverOf(caller);
    await this.db(() => this.deps.store.vote(guildId, caller.userId, answerKey, command, up, this.now().toISOString()));
  }

  /** The caller's server when they manage its library; otherwise the refusal every transport shows. */
  private async manager(caller: Caller): Promise<string> {
    const guildId = serverOf(caller);
    const settings = await this.db(() => this.deps.settings(guildId));
    if (!canEdit(caller, settings)) throw new UserInputError('Only server managers (Manage Server or the library role) can review corrections.');
    return guildId;
  }

  private db<T>(call: () => Promise<T>): Promise<T> {
    return storeCall(call, DOWN, { logger: this.deps.logger, failed: 'corrections database call failed' });
  }
}

function serverOf(caller: Caller): string {
  if (caller.guildId === null) throw new UserInputError('Corrections belong to a server: use this in a server, not in a DM.');
  return caller.guildId;
}

/** The override a stored correction gives. */
export function overrideOf(row: StoredCorrection): SpeakerOverride {
  if (row.toName === null) return { speaker: null, source: row.toSource };
  return {
    speaker: { name: row.toName, ...(row.toRole ? { role: row.toRole } : {}), ...(row.toAffiliation ? { affiliation: row.toAffiliation } : {}) },
    source: row.toSource,
    ...(row.toSpeakerId ? { speakerId: row.toSpeakerId } : {}),
  };
}

/**
 * Places accepted corrections on the statements of the current bases: the statement at the same
 * offsets with the same words, else the article's statement with the same words (re-analysis moved
 * it); a correction whose words no statement has any more is stale. A later decision wins.
 */
export function buildOverlay(rows: readonly StoredCorrection[], bases: readonly KnowledgeBase[]): { overrides: SpeakerOverrides | undefined; stale: Set<number> } {
  const placed = new Map<string, PlacedOverride>();
  const stale = new Set<number>();
  for (const row of rows) {
    const kb = bases.find((b) => b.article(row.articleId) !== undefined);
    const article = kb?.article(row.articleId);
    if (!kb || !article) {
      stale.add(row.id);
      continue;
    }
    const statements = kb.analysis(row.articleId).statements;
    const same = (c: { start: number; end: number }) => statementHash(article.body, c) === row.textHash;
    const at =
      statements.find((s) => s.content.start === row.contentStart && s.content.end === row.contentEnd && same(s.content)) ??
      statements.find((s) => same(s.content));
    if (!at) {
      stale.add(row.id);
      continue;
    }
    const content = { start: at.content.start, end: at.content.end };
    placed.set(placeKey(row.articleId, content), { articleId: row.articleId, content, override: overrideOf(row) });
  }
  if (placed.size === 0) return { overrides: undefined, stale };
  const lookup = (articleId: string, content: { start: number; end: number }) => placed.get(placeKey(articleId, content))?.override;
  return { overrides: Object.assign(lookup, { all: [...placed.values()] }), stale };
}

function placeKey(articleId: string, content: { start: number; end: number }): string {
  return `${articleId}\u0000${content.start}:${content.end}`;
}

function item(row: StoredCorrection, bases: readonly KnowledgeBase[], stale: boolean): CorrectionItem {
  const title = bases.find((b) => b.article(row.articleId))?.article(row.articleId)?.title ?? row.articleId;
  return {
    id: row.id,
    status: row.status,
    article: { id: row.articleId, title },
    paragraph: row.paragraph,
    text: row.text,
    from: row.fromLabel,
    to: row.toSource,
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt,
    ...(stale ? { stale: true } : {}),
  };
}
