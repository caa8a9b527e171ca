/**
 * Corrections to who is who across articles, from `knowledge/people.yaml` (optional): names that
 * are one person (`people:` — a display name and its aliases, e.g. "Kim Jong Un" and "Kim
 * Jong-un"), and a name that is someone else in some articles (`split:` — "John Smith" in the Ohio
 * story is not the senator of the other articles). Validated with zod entry by entry, like
 * `parties.yaml`: a bad entry is reported with the file's name and its number, the others apply.
 * A per-server library can pass the same shape to the knowledge base.
 */
import { z } from 'zod';
import type { LoadProblem } from '../core/loadProblem';
import { parseSettingsYaml, readSettingsFile, sectionEntries } from '../core/settingsYaml';

export const PEOPLE_FILE = 'people.yaml';

const text = z.string().trim().min(1, 'must not be empty').max(100);

const MergeEntrySchema = z
  .object({
    /** The name shown for the person. */
    name: text,
    /** Other names of the same person; every speaker called any of them is this person. */
    aliases: z.array(text).max(50).default([]),
    role: text.optional(),
    affiliation: text.optional(),
  })
  .strict();

const SplitEntrySchema = z
  .object({
    /** The name shown for the other person. */
    name: text,
    /** The name the articles use for both. */
    from: text,
    /** Article ids in which `from` means this other person. */
    articles: z.array(z.string().trim().min(1).max(64)).min(1, 'must list at least one article id').max(500),
    role: text.optional(),
    affiliation: text.optional(),
  })
  .strict();

export type PersonMerge = z.infer<typeof MergeEntrySchema>;
export type PersonSplit = z.infer<typeof SplitEntrySchema>;

export interface PeopleOverrides {
  people: PersonMerge[];
  split: PersonSplit[];
}

export const NO_PEOPLE_OVERRIDES: PeopleOverrides = { people: [], split: [] };

/** Reads `people.yaml` from a knowledge directory; a missing file means no corrections. */
export async function loadPeopleOverrides(dir: string): Promise<{ overrides: PeopleOverrides; problems: LoadProblem[] }> {
  const read = await readSettingsFile(dir, PEOPLE_FILE);
  if (read.content === undefined) return { overrides: NO_PEOPLE_OVERRIDES, problems: read.problems };
  return parsePeopleOverrides(read.content);
}

/** Parses and validates the file's text, entry by entry. */
export function parsePeopleOverrides(content: string): { overrides: PeopleOverrides; problems: LoadProblem[] } {
  const doc = parseSettingsYaml(PEOPLE_FILE, content, ['people', 'split']);
  if (!doc.root) return { overrides: NO_PEOPLE_OVERRIDES, problems: doc.problems };
  const overrides: PeopleOverrides = {
    people: sectionEntries(doc, 'people', MergeEntrySchema, 'name'),
    split: sectionEntries(doc, 'split', SplitEntrySchema, 'name'),
  };
  return { overrides, problems: doc.problems };
}
