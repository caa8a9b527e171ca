/**
 * Per-knowledge party settings from `knowledge/parties.yaml`: extra aliases, context words that
 * mean a party only in articles about it ("the regime"), display names, new parties (camps,
 * groups), people the text links to a party without saying so, and each article's home country
 * (where it is reported from, when the paste lost the dateline).
 *
 * Every entry is validated on its own: a bad entry becomes a load problem naming the file and the
 * entry, and the others still apply.
 */
import { z } from 'zod';
import type { LoadProblem } from '../core/loadProblem';
import { describeSettingsError, parseSettingsYaml, readSettingsFile, sectionEntries } from '../core/settingsYaml';

export const PARTIES_FILE = 'parties.yaml';

const text = z.string().trim().min(1, 'must not be empty').max(100);

const PartyEntrySchema = z
  .object({
    /** An existing party (name, code or alias), or the name of a new one when `type` is given. */
    party: text,
    /** Defines a new party of this type instead of extending an existing one. */
    type: z.enum(['country', 'organisation', 'camp']).optional(),
    display: text.optional(),
    aliases: z.array(text).max(50).default([]),
    context: z.array(text).max(50).default([]),
    members: z.array(text).max(200).default([]),
  })
  .strict();

const ArticleEntrySchema = z.object({ home: text.optional() }).strict();

export type PartyEntry = z.infer<typeof PartyEntrySchema>;

export interface PartyOverrides {
  parties: PartyEntry[];
  /** Article id → settings. */
  articles: Record<string, { home?: string }>;
}

export const NO_OVERRIDES: PartyOverrides = { parties: [], articles: {} };

export interface LoadedOverrides {
  overrides: PartyOverrides;
  problems: LoadProblem[];
}

/** Reads `parties.yaml` from a knowledge directory; a missing file means no overrides. */
export async function loadPartyOverrides(dir: string): Promise<LoadedOverrides> {
  const read = await readSettingsFile(dir, PARTIES_FILE);
  if (read.content === undefined) return { overrides: NO_OVERRIDES, problems: read.problems };
  return parsePartyOverrides(read.content);
}

/** Parses and validates the file's text, entry by entry. */
export function parsePartyOverrides(content: string): LoadedOverrides {
  const doc = parseSettingsYaml(PARTIES_FILE, content, ['parties', 'articles']);
  if (!doc.root) return { overrides: NO_OVERRIDES, problems: doc.problems };
  const problem = (p: string) => doc.problems.push({ file: PARTIES_FILE, problem: p });
  const overrides: PartyOverrides = { parties: sectionEntries(doc, 'parties', PartyEntrySchema, 'party'), articles: {} };
  const rawArticles = doc.root.articles ?? {};
  if (typeof rawArticles !== 'object' || rawArticles === null || Array.isArray(rawArticles)) problem('"articles" must map article ids to settings');
  else
    for (const [id, entry] of Object.entries(rawArticles)) {
      const parsed = ArticleEntrySchema.safeParse(entry);
      if (parsed.success) overrides.articles[id] = parsed.data;
      else problem(`articles entry "${id}": ${describeSettingsError(parsed.error)}`);
    }
  return { overrides, problems: doc.problems };
}
