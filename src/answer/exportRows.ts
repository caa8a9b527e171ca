/**
 * The rows of `/export`: one per statement the attribution engine found (direct quotes and
 * paraphrases; the reporter's narration is not a statement and is not exported), with where it is
 * (article, paragraph, body offsets), who said it and the verbatim text. The zod schema is the
 * source of truth for both formats: the CSV's columns are its keys in order, and every JSON row is
 * parsed by it before it is written.
 */
import { z } from 'zod';
import type { SpeakerOverride, SpeakerOverrides } from '../core/corrections';
import type { Statement } from '../analysis/types';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { attribution } from './excerpts';

const text = (description: string) => z.string().describe(description);
const maybe = (description: string) => z.string().nullable().describe(description);

export const ExportRowSchema = z.object({
  article_id: text('The article id (as /articles lists it and article: options take it).'),
  article_title: text('The article title.'),
  article_url: maybe('The article link, when the article has one.'),
  article_date: maybe('Publication date (YYYY-MM-DD), when known.'),
  paragraph: z.number().int().positive().describe('1-based body paragraph the statement starts in (as excerpt cards cite it).'),
  start: z.number().int().nonnegative().describe('Offset of the statement in the article body, in UTF-16 code units of the body as stored (paragraphs joined by a blank line).'),
  end: z.number().int().nonnegative().describe('End offset (exclusive), same units: text is body[start, end).'),
  kind: z.enum(['direct', 'indirect']).describe('direct: a quotation; indirect: a paraphrase or reported speech.'),
  speaker: maybe('The person who said it; null when the article does not name one (see source).'),
  role: maybe("The speaker's role or title, as the article gives it."),
  affiliation: maybe("The speaker's country or organisation, as the article gives it."),
  party: maybe('The party or country the speaker is linked to (parties.yaml and the built-in gazetteer).'),
  source: text('The attribution line shown on excerpt cards ("Jake Sullivan, US national security adviser", "officials").'),
  corrected: z.boolean().describe("True when this server's members corrected the speaker (accepted by a manager); speaker and source are then theirs."),
  text: text('The statement, verbatim from the article body.'),
});

export type ExportRow = z.infer<typeof ExportRowSchema>;

/** The CSV's columns, in order: the schema's keys. */
export const EXPORT_COLUMNS = Object.keys(ExportRowSchema.shape) as Array<keyof ExportRow>;

/** Version of the export format: bump when a column is added, removed or changes meaning. */
export const EXPORT_VERSION = 1;

/** One JSON export file (one part of a split export). */
export const ExportFileSchema = z
  .object({
    format: z.literal('quotebook-export'),
    version: z.literal(EXPORT_VERSION).describe('Export format version: changes when a field is added, removed or changes meaning.'),
    part: z.number().int().positive().describe('1-based part number: an export too large for one upload comes in several files, each complete.'),
    statements: z.array(ExportRowSchema).describe('Every statement, in article order, then reading order.'),
  })
  .meta({ title: 'Quotebook export', description: 'Statements found by Quotebook’s attribution engine: who said what, where, verbatim.' });

export type ExportFile = z.infer<typeof ExportFileSchema>;

/** The JSON Schema of a JSON export file (docs/export.schema.json is this, checked by a test). */
export function exportJsonSchema(): unknown {
  return z.toJSONSchema(ExportFileSchema);
}

export interface ExportScope {
  /** Only this article (an id in one of the bases). */
  articleId?: string;
  /** The server's accepted speaker corrections. */
  overrides?: SpeakerOverrides;
}

/**
 * Every statement of `bases` (or of one article), in base order, then article order, then reading
 * order. A generator: rows are made one at a time, so an export of any size is never held as rows.
 */
export function* exportRows(bases: readonly KnowledgeBase[], scope: ExportScope = {}): Generator<ExportRow> {
  const only = scope.articleId?.trim().toLowerCase();
  for (const kb of bases) {
    const articles = only ? [kb.article(only)].filter((a) => a !== undefined) : kb.articles;
    for (const article of articles) {
      const analysis = kb.analysis(article.id);
      const links = kb.parties.article(article.id).speakerParty;
      const partyName = (id: string | undefined) => (id ? (kb.parties.registry.parties.get(id)?.name ?? id) : null);
      const statements = [...analysis.statements].sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
      for (const statement of statements) {
        const rec = kb.paragraphAt(article.id, statement.content.start);
        if (!rec) continue;
        const override = scope.overrides?.(article.id, { start: statement.content.start, end: statement.content.end });
        const who = override ? correctedWho(kb, article.id, override, partyName) : engine(kb, rec, statement, links, partyName);
        yield {
          article_id: article.id,
          article_title: article.title,
          article_url: article.url ?? null,
          article_date: article.published ?? null,
          paragraph: rec.paragraph.number,
          start: statement.content.start,
          end: statement.content.end,
          kind: statement.kind,
          ...who,
          corrected: override !== undefined,
          text: article.body.slice(statement.content.start, statement.content.end),
        };
      }
    }
  }
}

type Who = Pick<ExportRow, 'speaker' | 'role' | 'affiliation' | 'party' | 'source'>;

/** The engine's attribution, exactly as excerpt cards show it. */
function engine(
  kb: KnowledgeBase,
  rec: NonNullable<ReturnType<KnowledgeBase['paragraphAt']>>,
  statement: Statement,
  links: ReadonlyMap<string, string>,
  partyName: (id: string | undefined) => string | null,
): Who {
  const { speaker, source } = attribution(kb, rec, statement);
  return {
    speaker: speaker?.name ?? null,
    role: speaker?.role ?? null,
    affiliation: speaker?.affiliation ?? null,
    party: speaker && statement.speakerId ? partyName(links.get(statement.speakerId)) : null,
    source,
  };
}

/**
 * The group's correction. Its party is the one the article links to a speaker of that name, when
 * the article has one; a person the article never names as a speaker gets none (never a guess).
 */
function correctedWho(kb: KnowledgeBase, articleId: string, override: SpeakerOverride, partyName: (id: string | undefined) => string | null): Who {
  const s = override.speaker;
  if (!s) return { speaker: null, role: null, affiliation: null, party: null, source: override.source };
  const named = kb.analysis(articleId).speakers.find((sp) => sp.name === s.name);
  return {
    speaker: s.name,
    role: s.role ?? null,
    affiliation: s.affiliation ?? null,
    party: named ? partyName(kb.parties.article(articleId).speakerParty.get(named.id)) : null,
    source: override.source,
  };
}
