/**
 * Per-knowledge party settings from `knowledge/parties.yaml`: extra aliases, context words that
 * mean a party only in articles about it ("the regime"), display names, new parties (camps,
 * groups), people the text links to a party without saying so, and each article's home country
 * (where it is reported from, when the paste lost the dateline).
 *
 * Every entry is validated on its own: a bad entry becomes a load problem naming the file and the
 * entry, and the others still apply.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LoadProblem } from '../core/loadProblem';
import { clip } from '../core/clip';

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
  let content: string;
  try {
    content = await readFile(join(dir, PARTIES_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { overrides: NO_OVERRIDES, problems: [] };
    return { overrides: NO_OVERRIDES, problems: [{ file: PARTIES_FILE, problem: 'cannot read the file' }] };
  }
  return parsePartyOverrides(content);
}

/** Parses and validates the file's text, entry by entry. */
export function parsePartyOverrides(content: string): LoadedOverrides {
  const problems: LoadProblem[] = [];
  const problem = (p: string) => problems.push({ file: PARTIES_FILE, problem: p });
  let doc: unknown;
  try {
    doc = parseYaml(content) ?? {};
  } catch (err) {
    problem(`not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    return { overrides: NO_OVERRIDES, problems };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    problem('expected a mapping with "parties" and/or "articles"');
    return { overrides: NO_OVERRIDES, problems };
  }
  const root = doc as Record<string, unknown>;
  for (const key of Object.keys(root)) if (key !== 'parties' && key !== 'articles') problem(`unknown section "${key}" (expected "parties" or "articles")`);
  const overrides: PartyOverrides = { parties: [], articles: {} };
  const rawParties = root.parties ?? [];
  if (!Array.isArray(rawParties)) problem('"parties" must be a list of entries');
  else
    rawParties.forEach((entry, i) => {
      const parsed = PartyEntrySchema.safeParse(entry);
      if (parsed.success) overrides.parties.push(parsed.data);
      else problem(`parties entry ${i + 1}${entryName(entry)}: ${describe(parsed.error)}`);
    });
  const rawArticles = root.articles ?? {};
  if (typeof rawArticles !== 'object' || rawArticles === null || Array.isArray(rawArticles)) problem('"articles" must map article ids to settings');
  else
    for (const [id, entry] of Object.entries(rawArticles)) {
      const parsed = ArticleEntrySchema.safeParse(entry);
      if (parsed.success) overrides.articles[id] = parsed.data;
      else problem(`articles entry "${id}": ${describe(parsed.error)}`);
    }
  return { overrides, problems };
}

function entryName(entry: unknown): string {
  const name = (entry as { party?: unknown } | null)?.party;
  return typeof name === 'string' && name.trim() ? ` ("${clip(name.trim(), 60)}")` : '';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `field "${i.path.join('.')}" ${i.message}` : i.message))
    .join('; ');
}
