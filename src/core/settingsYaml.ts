/**
 * The shape the optional YAML settings files of a knowledge folder share (`parties.yaml`,
 * `people.yaml`): a mapping of known sections, each entry validated on its own, so a bad entry
 * becomes one load problem naming the file and the entry while the others still apply.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { clip } from './clip';
import type { LoadProblem } from './loadProblem';

/** A settings file's text, or undefined when the file does not exist (no settings), or why it cannot be read. */
export async function readSettingsFile(dir: string, file: string): Promise<{ content?: string; problems: LoadProblem[] }> {
  try {
    return { content: await readFile(join(dir, file), 'utf8'), problems: [] };
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { problems: [] };
    return { problems: [{ file, problem: 'cannot read the file' }] };
  }
}

/** A parsed settings file: its sections (null when the text is not a YAML mapping) and the problems so far. */
export interface SettingsDocument {
  file: string;
  root: Record<string, unknown> | null;
  problems: LoadProblem[];
}

/** Parses a settings file's text as a mapping of `sections`; unknown sections are problems. */
export function parseSettingsYaml(file: string, content: string, sections: readonly string[]): SettingsDocument {
  const doc: SettingsDocument = { file, root: null, problems: [] };
  const problem = (p: string) => doc.problems.push({ file, problem: p });
  let parsed: unknown;
  try {
    parsed = parseYaml(content) ?? {};
  } catch (err) {
    problem(`not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    return doc;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problem(`expected a mapping with ${sections.map((s) => `"${s}"`).join(' and/or ')}`);
    return doc;
  }
  doc.root = parsed as Record<string, unknown>;
  for (const key of Object.keys(doc.root)) {
    if (!sections.includes(key)) problem(`unknown section "${clip(key, 40)}" (expected ${sections.map((s) => `"${s}"`).join(' or ')})`);
  }
  return doc;
}

/**
 * The valid entries of a list section; each invalid one is a problem naming the section, its
 * number and (when it has one) the value of its `nameField`.
 */
export function sectionEntries<T>(doc: SettingsDocument, key: string, schema: z.ZodType<T>, nameField: string): T[] {
  const raw = doc.root?.[key] ?? [];
  if (!Array.isArray(raw)) {
    doc.problems.push({ file: doc.file, problem: `"${key}" must be a list of entries` });
    return [];
  }
  const out: T[] = [];
  raw.forEach((entry: unknown, i) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
    else doc.problems.push({ file: doc.file, problem: `${key} entry ${i + 1}${entryName(entry, nameField)}: ${describeSettingsError(parsed.error)}` });
  });
  return out;
}

function entryName(entry: unknown, field: string): string {
  const name = (entry as Record<string, unknown> | null)?.[field];
  return typeof name === 'string' && name.trim() ? ` ("${clip(name.trim(), 60)}")` : '';
}

/** The first few problems zod found in an entry, one clause each. */
export function describeSettingsError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `field "${i.path.join('.')}" ${i.message}` : i.message))
    .join('; ');
}
