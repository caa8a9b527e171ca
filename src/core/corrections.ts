/**
 * The contract between a server's accepted corrections ("Wrong speaker?") and everything that
 * shows who said a sentence: answers, the quiz and exports. Core only names the shape; the
 * corrections feature fills it from the server's database and transports pass it in the command
 * context, so a handler never reads the database itself.
 */

/** Who a server's members (accepted by a manager) say spoke one statement, replacing the engine's speaker. */
export interface SpeakerOverride {
  /** The corrected speaker; null when the group says the article does not name who said it. */
  speaker: { name: string; role?: string; affiliation?: string } | null;
  /** The source label to show, e.g. the person's name or "unnamed source". */
  source: string;
}

/**
 * A server's accepted correction for the statement whose content spans these body offsets in this
 * article, or undefined when the engine's attribution stands.
 */
export type SpeakerOverrides = (articleId: string, content: { start: number; end: number }) => SpeakerOverride | undefined;
