/**
 * The answer contract: every command returns an `Answer`, and every renderer (terminal, JSON,
 * Discord) reads only this. Defined once as zod schemas so JSON output can be validated in tests.
 */
import { z } from 'zod';

export const SpeakerRefSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  affiliation: z.string().optional(),
});

export const ExcerptSchema = z.object({
  /** Verbatim from the article. */
  text: z.string(),
  kind: z.enum(['direct', 'indirect', 'narration']),
  speaker: SpeakerRefSchema.nullable(),
  /** Human-readable attribution line: "Jake Sullivan, US national security adviser", "observers". */
  source: z.string(),
  match: z.enum(['exact', 'fuzzy', 'related']).optional(),
  article: z.object({ id: z.string(), title: z.string(), url: z.string().optional() }),
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

export const AnswerSchema = z.object({
  command: z.string(),
  excerpts: z.array(ExcerptSchema),
  people: z.array(PersonSchema).optional(),
  notice: z.string().optional(),
  /** Only `/articles`: what is loaded. */
  articles: z.array(ArticleSummarySchema).optional(),
  /** Only `/library add`: the article added. */
  added: AddedCardSchema.optional(),
});

export const ErrorLineSchema = z.object({ error: z.string() });

export type SpeakerRef = z.infer<typeof SpeakerRefSchema>;
export type Excerpt = z.infer<typeof ExcerptSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type AddedCard = z.infer<typeof AddedCardSchema>;
