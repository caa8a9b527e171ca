/**
 * Corrections to who is who across articles, from `knowledge/people.yaml` (optional): names that
 * are one person (`people:` — a display name and its aliases, e.g. "Kim Jong Un" and "Kim
 * Jong-un"), and a name that is someone else in some articles (`split:` — "John Smith" in the Ohio
 * story is not the senator of the other articles). Validated with zod entry by entry, like
 * `parties.yaml`: a bad entry is reported with the file's name and its number, the others apply.
 * A per-server library can pass the same shape to the knowledge base.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LoadProblem } from '../core/loadProblem';
import { clip } from '../core/clip';

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
  let content: string;
  try {
    content = await readFile(join(dir, PEOPLE_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { overrides: NO_PEOPLE_OVERRIDES, problems: [] };
    return { overrides: NO_PEOPLE_OVERRIDES, problems: [{ file: PEOPLE_FILE, problem: 'cannot read the file' }] };
  }
  return parsePeopleOverrides(content);
}

/** Parses and validates the file's text, entry by entry. */
export function parsePeopleOverrides(content: string): { overrides: PeopleOverrides; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const problem = (p: string) => problems.push({ file: PEOPLE_FILE, problem: p });
  let doc: unknown;
  try {
    doc = parseYaml(content) ?? {};
  } catch (err) {
    problem(`not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    return { overrides: NO_PEOPLE_OVERRIDES, problems };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    problem('expected a mapping with "people" and/or "split"');
    return { overrides: NO_PEOPLE_OVERRIDES, problems };
  }
  const root = doc as Record<string, unknown>;
  for (const key of Object.keys(root)) if (key !== 'people' && key !== 'split') problem(`unknown section "${clip(key, 40)}" (expected "people" or "split")`);
  const overrides: PeopleOverrides = { people: [], split: [] };
  const section = <T>(key: 'people' | 'split', schema: z.ZodType<T>, out: T[]) => {
    const raw = root[key] ?? [];
    if (!Array.isArray(raw)) {
      problem(`"${key}" must be a list of entries`);
      return;
    }
    raw.forEach((entry, i) => {
      const parsed = schema.safeParse(entry);
      if (parsed.success) out.push(parsed.data);
      else problem(`${key} entry ${i + 1}${entryName(entry)}: ${describe(parsed.error)}`);
    });
  };
  section('people', MergeEntrySchema, overrides.people);
  section('split', SplitEntrySchema, overrides.split);
  return { overrides, problems };
}

function entryName(entry: unknown): string {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? ` ("${clip(name.trim(), 60)}")` : '';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `field "${i.path.join('.')}" ${i.message}` : i.message))
    .join('; ');
}
