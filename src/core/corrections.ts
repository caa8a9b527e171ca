/**
 * The contract between a server's accepted corrections ("Wrong speaker?") and everything that
 * shows who said a sentence: answers, the quiz and exports. Core only names the shape; the
 * corrections feature (`src/library/corrections.ts`) fills it from the server's database and
 * transports pass it in the command context, so a handler never reads the database itself.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from './library';

/** Who a server's members (accepted by a manager) say spoke one statement, replacing the engine's speaker. */
export interface SpeakerOverride {
  /** The corrected speaker; null when the group says the article does not name who said it. */
  speaker: { name: string; role?: string; affiliation?: string } | null;
  /** The source label to show, e.g. the person's name or "unnamed source". */
  source: string;
  /** The article's own id for that person (`Speaker.id`), when the speaker is one of its people. */
  speakerId?: string;
}

/** One applied override with where it applies (body offsets of the statement's content). */
export interface PlacedOverride {
  articleId: string;
  content: { start: number; end: number };
  override: SpeakerOverride;
}

/**
 * A server's accepted correction for the statement whose content spans these body offsets in this
 * article, or undefined when the engine's attribution stands. `all` lists every override, for
 * answers that count or list statements by speaker (`/quotes`, `/people`); absent, those answers
 * only relabel what they show.
 */
export type SpeakerOverrides = ((articleId: string, content: { start: number; end: number }) => SpeakerOverride | undefined) & {
  readonly all?: readonly PlacedOverride[];
};

/** The statement a member wants to correct, and the people they may pick (`/correct` without a speaker). */
export const CorrectionTargetSchema = z.object({
  article: z.object({ id: z.string(), title: z.string() }),
  paragraph: z.number().int().positive(),
  /** `s<start>-<end>.<hash>`: names the statement for the next step (`/correct target:`). */
  target: z.string(),
  /** The statement's words, verbatim. */
  text: z.string(),
  /** Who the answer says now (the engine or an earlier correction). */
  current: z.string(),
  /** The article's people, most quoted first, then "unnamed"; `value` is what `speaker:` takes. */
  choices: z.array(z.object({ value: z.string(), label: z.string() })),
});

/** One correction as managers review it (`/corrections`). */
export const CorrectionItemSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  article: z.object({ id: z.string(), title: z.string() }),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
  from: z.string(),
  to: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  /** The sentence is no longer in the article as it was (re-analysis, edit, removal): not applied. */
  stale: z.boolean().optional(),
});

/** 👍/👎 counted per command in a server. */
export const FeedbackCountSchema = z.object({ command: z.string(), up: z.number().int().nonnegative(), down: z.number().int().nonnegative() });

/** `/corrections`: pending (and flagged) corrections and the server's feedback counts. */
export const CorrectionsListSchema = z.object({
  items: z.array(CorrectionItemSchema),
  /** Pending corrections beyond `items`. */
  more: z.number().int().nonnegative(),
  feedback: z.array(FeedbackCountSchema),
});

export type CorrectionTarget = z.infer<typeof CorrectionTargetSchema>;
export type CorrectionItem = z.infer<typeof CorrectionItemSchema>;
export type CorrectionsList = z.infer<typeof CorrectionsListSchema>;

/** A proposal as the command path hands it over: the statement is already found and checked. */
export interface Proposal {
  articleId: string;
  paragraph: number;
  content: { start: number; end: number };
  /** sha256 (hex) of the statement's content text: the sentence's identity across re-analysis. */
  textHash: string;
  text: string;
  /** The label shown before (engine or earlier correction). */
  from: string;
  /** The speaker proposed; null for "the article does not name who". */
  to: SpeakerOverride;
}

/** What commands and transports see of a server's corrections and feedback. */
export interface CorrectionsAccess {
  /** Stores a member's proposal; returns its id. Refuses in a DM. */
  propose(caller: Caller, proposal: Proposal): Promise<number>;
  /** Pending and flagged corrections with feedback counts; managers only. */
  list(caller: Caller): Promise<CorrectionsList>;
  /** Accepts or rejects a pending correction; managers only. Returns what was decided. */
  decide(caller: Caller, id: number, accept: boolean): Promise<CorrectionItem>;
  /** A server's accepted corrections as answers apply them; undefined when none. Never rejects. */
  overrides(guildId: string | null): Promise<SpeakerOverrides | undefined>;
  /** Records one member's 👍/👎 on one answer (a second press changes that member's vote). */
  feedback(caller: Caller, answerKey: string, command: string, up: boolean): Promise<void>;
}

/** The words a correction names: the statement's content, verbatim from the article body. */
export function statementText(body: string, content: { start: number; end: number }): string {
  return body.slice(content.start, content.end);
}

/** sha256 (hex) of a statement's content text: what ties a correction to the sentence across re-analysis. */
export function statementHash(body: string, content: { start: number; end: number }): string {
  return createHash('sha256').update(statementText(body, content)).digest('hex');
}

/** "unnamed": the choice for "the article does not say who said this". */
export const UNNAMED = 'unnamed';
/** The label an unnamed correction shows. */
export const UNNAMED_SOURCE = 'an unnamed source';

/** Length of the short hashes in `custom_id`s and `/correct target:` (hex characters). */
export const SHORT_HASH = 10;

/** The first `SHORT_HASH` hex characters of a text's sha256: names an excerpt or statement in a button. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, SHORT_HASH);
}

/** `/correct target:` for an excerpt as shown (a "Wrong speaker?" button): its paragraph and text. */
export function excerptTarget(paragraph: number, text: string): string {
  return `p${paragraph}.${shortHash(text)}`;
}
