/**
 * The answer contract: every command returns an `Answer`, and every renderer (terminal, JSON,
 * Discord) reads only this. Defined once as zod schemas so JSON output can be validated in tests.
 */
import { z } from 'zod';
import { CorrectionsListSchema, CorrectionTargetSchema } from './corrections';

export const SpeakerRefSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  affiliation: z.string().optional(),
});

const ArticleRefSchema = z.object({ id: z.string(), title: z.string(), url: z.string().optional() });

/** The same quotation reported by several articles (extension of the contract). */
export const ClusterSchema = z.object({
  /** "reported by 3 articles, first on 2021-11-28 by The Korea Herald". */
  summary: z.string(),
  /** One per article, earliest first; `wording` says how it differs from the first report. */
  reports: z.array(
    z.object({
      article: ArticleRefSchema,
      publisher: z.string().optional(),
      published: z.string().optional(),
      paragraph: z.number().int().positive(),
      source: z.string(),
      wording: z.string().optional(),
    }),
  ),
  /** The same words credited to someone else by other articles: a conflict, never merged. */
  conflict: z.string().optional(),
});

export const ExcerptSchema = z.object({
  /** Verbatim from the article. */
  text: z.string(),
  kind: z.enum(['direct', 'indirect', 'narration']),
  speaker: SpeakerRefSchema.nullable(),
  /** Human-readable attribution line: "Jake Sullivan, US national security adviser", "observers". */
  source: z.string(),
  match: z.enum(['exact', 'fuzzy', 'related']).optional(),
  article: ArticleRefSchema,
  paragraph: z.number().int().positive(),
  score: z.number(),
  /**
   * Character ranges inside `text` that matched the query, for bold rendering. Optional extension
   * of the contract; renderers must not require it.
   */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).optional(),
  /**
   * Only on a `related` near miss: where the passage's words differ from the query's, verbatim
   * from the article first (`said “aligned”, not “opposed”`). Optional extension of the contract.
   */
  differs: z.string().optional(),
  /** The quotation as several articles report it (extension). */
  cluster: ClusterSchema.optional(),
  /** True when this server's members corrected the speaker (`core/corrections.ts`); the engine's attribution was replaced. */
  corrected: z.boolean().optional(),
});

/** One line of `/timeline`: what was said, when, where. */
export const TimelineEntrySchema = z.object({
  /** The article's publication date (YYYY-MM-DD), when known. */
  date: z.string().optional(),
  article: ArticleRefSchema,
  publisher: z.string().optional(),
  paragraph: z.number().int().positive(),
  kind: z.enum(['direct', 'indirect']),
  source: z.string(),
  text: z.string(),
});

/**
 * A file that goes with an answer (a chart PNG). Commands fill `data`; the console and JSON modes
 * write it to a file and replace `data` with `path`; Discord attaches it to the reply.
 */
export const AttachmentSchema = z.object({
  name: z.string(),
  contentType: z.string(),
  /** Alt text. */
  description: z.string(),
  data: z.instanceof(Uint8Array).optional(),
  path: z.string().optional(),
});

/** The numbers behind a chart, so a reader (or a test) can check the picture. */
export const ChartDataSchema = z.object({
  title: z.string(),
  /** What the bars count, e.g. "statements". */
  measure: z.string(),
  rows: z.array(z.object({ label: z.string(), series: z.string(), value: z.number() })),
});

export const PersonSchema = z.object({
  name: z.string(),
  role: z.string(),
  affiliation: z.string(),
  quotes: z.number().int().nonnegative(),
});

export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  paragraphs: z.number().int().nonnegative(),
  /** Library articles only (`/library list`): who added it (user id or "console"), when, quotes found. */
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
  quotes: z.number().int().nonnegative().optional(),
});

/** The card of an article just added to a server's library (`/library add`). */
export const AddedCardSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  site: z.string().optional(),
  published: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  paragraphs: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  topSpeakers: z.array(z.string()),
  /** Server the article went to: the Undo button names it. */
  guildId: z.string(),
});

/** A "Who said it?" round as players see it (`core/quiz.ts`, `QuizRound`). */
export const QuizRoundSchema = z.object({
  roundId: z.string(),
  quizId: z.string(),
  number: z.number().int().positive(),
  of: z.number().int().positive(),
  quote: z.string(),
  choices: z.array(z.string()).length(4),
  endsAt: z.string(),
  seconds: z.number().int().positive(),
});

/** A closed round: the right speaker, the cited excerpt, who answered right and wrong (`QuizReveal`). */
export const QuizRevealSchema = z.object({
  roundId: z.string(),
  quizId: z.string(),
  number: z.number().int().positive(),
  of: z.number().int().positive(),
  answer: z.number().int().min(0).max(3),
  choices: z.array(z.string()).length(4),
  speaker: SpeakerRefSchema,
  text: z.string(),
  article: ArticleRefSchema,
  paragraph: z.number().int().positive(),
  corrected: z.boolean().optional(),
  right: z.array(z.string()),
  wrong: z.array(z.string()),
});

export const QuizScoreSchema = z.object({ userId: z.string(), points: z.number().int().nonnegative(), answered: z.number().int().nonnegative() });

/** `/quiz …`: a round to answer, a reveal, the next round, a leaderboard; any of them. */
export const QuizAnswerSchema = z.object({
  /** The round just closed (or, for a late press, the one that had closed). */
  reveal: QuizRevealSchema.optional(),
  /** The round to answer now. */
  round: QuizRoundSchema.optional(),
  /** The caller's own answer (0-based) to `round`, once given. */
  chosen: z.number().int().min(0).max(3).optional(),
  /** The server's leaderboard (`/quiz scores`), or the quiz's after its last round. */
  scores: z.array(QuizScoreSchema).optional(),
});

export const AnswerSchema = z.object({
  command: z.string(),
  excerpts: z.array(ExcerptSchema),
  people: z.array(PersonSchema).optional(),
  notice: z.string().optional(),
  /** Only `/articles`: what is loaded. */
  articles: z.array(ArticleSummarySchema).optional(),
  /** Only `/timeline`: statements in publication order. */
  timeline: z.array(TimelineEntrySchema).optional(),
  /** Only `/chart`: the data behind the attached picture. */
  chart: ChartDataSchema.optional(),
  files: z.array(AttachmentSchema).optional(),
  /** Only `/library add`: the article added. */
  added: AddedCardSchema.optional(),
  /** Only `/quiz …`: rounds, reveals and scores. */
  quiz: QuizAnswerSchema.optional(),
  /** Only `/correct` without a speaker: the statement and the people to pick from. */
  correction: CorrectionTargetSchema.optional(),
  /** Only `/corrections`: what managers review. */
  corrections: CorrectionsListSchema.optional(),
});

export const ErrorLineSchema = z.object({ error: z.string() });

export type SpeakerRef = z.infer<typeof SpeakerRefSchema>;
export type Excerpt = z.infer<typeof ExcerptSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Cluster = z.infer<typeof ClusterSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type ChartData = z.infer<typeof ChartDataSchema>;
export type AddedCard = z.infer<typeof AddedCardSchema>;
export type QuizAnswer = z.infer<typeof QuizAnswerSchema>;
