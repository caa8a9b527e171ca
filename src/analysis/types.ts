/**
 * What the attribution engine produces for one article body. Plain data, offsets into the body
 * string it was given (paragraphs separated by a blank line), so the same engine runs on our
 * knowledge articles and on PolNeAR texts.
 */

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** A person the article quotes or describes. */
export interface Speaker {
  /** Stable within one article, e.g. "jake-sullivan". */
  id: string;
  /** Full name as the article first gives it: "Jake Sullivan". */
  name: string;
  /** Title or role from appositives and pre-modifiers: "US national security adviser". */
  role?: string;
  /** Country or organisation as the text states it: "US", "South Korean", "Sejong Institute". */
  affiliation?: string;
  gender?: 'male' | 'female';
  /** Every surface form the article uses for this person ("Jake Sullivan", "Sullivan"). */
  aliases: string[];
  /** Body offsets of every mention that was resolved to this person (names and pronouns). */
  mentions: Span[];
  /**
   * A people's or a group's name the engine kept as a person-like name ("Khamag Mongol" beside
   * "the Mongols"): no first name, title, role or gender, never named as a source. Kept in the
   * article's analysis (removing it would let a later "he" reach past it) but not listed.
   */
  nameOnly?: true;
}

export type StatementKind = 'direct' | 'indirect';

/** One attributed statement: who said (or thinks, or reportedly holds) what. */
export interface Statement {
  kind: StatementKind;
  /** The content span; for a quote interrupted by "he said", the outer bounds. */
  content: Span;
  /** The pieces of an interrupted content span, when there is more than one. */
  fragments?: Array<[number, number]>;
  /** The words in the text that name the source ("Sullivan", "he", "observers"); null if none. */
  source: TextSpan | null;
  /** The speech or thought verb phrase ("said", "according to"). */
  cue?: TextSpan;
  /** The resolved person, when the source is a person the engine could identify. */
  speakerId: string | null;
  /**
   * Human-readable source when there is no resolved person: "observers", "a government source",
   * "reports". Always set; for a resolved person it is the person's name.
   */
  sourceLabel: string;
  /** Verbatim quoted pieces (quote marks included) inside the content; empty for pure paraphrase. */
  quoted?: Span[];
}

export interface Attribution {
  statements: Statement[];
  speakers: Speaker[];
}

export interface AttributionOptions {
  /** The byline author: the reporter is never a speaker. */
  author?: string;
  /** Dateline place, used to infer affiliation ("President Moon" in a Seoul story). */
  dateline?: string;
  /**
   * The learned cue lexicon (`analysis/learnedFrames.ts`); the generated one when absent. Only the
   * learner (`tools/learnCues.ts`) passes another.
   */
  cueLexicon?: CueLexicon;
}

/**
 * The frames a learned cue may open: "that" ("warned that …"), "inverted" ("…, X conceded."),
 * "to" ("vowed to …"), "obj" ("dismissed the plan") and a preposition whose object is the content
 * ("about", "for", "against", … : "hinted at a run").
 */
export type CueFrame = 'that' | 'inverted' | 'to' | 'obj' | 'for' | 'on' | 'upon' | 'about' | 'of' | 'against' | 'with' | 'at' | 'over' | 'into' | 'from' | 'toward' | 'towards';

/** A learned cue lexicon: cue key (`lexicon/cueStem.ts`) → the frames it may open. */
export type CueLexicon = ReadonlyMap<string, ReadonlySet<CueFrame>>;
