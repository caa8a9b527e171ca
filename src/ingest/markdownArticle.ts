/**
 * Markdown knowledge files: YAML front matter (validated with zod) and a body of paragraphs
 * separated by blank lines. Image lines (`![caption](url)`) become captions; headings are skipped.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { KnowledgeFileError } from './problems';

const dateString = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2021-10-27'),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

export const FrontMatterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (max 64)')
      .optional(),
    title: z.string().trim().min(1, 'must not be empty').max(300),
    publisher: z.string().trim().min(1, 'must not be empty').max(200),
    author: z.string().trim().min(1, 'must not be empty').max(200),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    published: dateString,
    dateline: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/**
 * Front matter of a document a member added to a server's library (src/ingest/web/): a page may
 * name no author or date, and an uploaded file has no URL or publisher. Those fields are left out
 * rather than filled with a placeholder such as "Unknown", which would read as a real byline.
 */
export const LibraryFrontMatterSchema = FrontMatterSchema.partial({ publisher: true, author: true, url: true, published: true });

export type LibraryFrontMatter = z.infer<typeof LibraryFrontMatterSchema>;

export interface MarkdownArticle {
  meta: LibraryFrontMatter;
  captions: string[];
  paragraphs: Array<{ text: string; sourceStart: number }>;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses a Markdown article. Knowledge-folder files need every front matter field; library
 * documents (`{ library: true }`) may leave out publisher, author, url and published.
 */
export function parseMarkdownArticle(content: string, file: string, options: { library?: boolean } = {}): MarkdownArticle {
  const fence = FENCE.exec(content);
  if (!fence) throw new KnowledgeFileError(file, 'no front matter: the file must start with a "---" YAML block');
  let data: unknown;
  try {
    data = parseYaml(fence[1]!, { maxAliasCount: 10 });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new KnowledgeFileError(file, `front matter is not valid YAML: ${msg}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new KnowledgeFileError(file, 'front matter must be a YAML mapping of fields');
  }
  const parsed = (options.library ? LibraryFrontMatterSchema : FrontMatterSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'front matter');
    const why = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
    throw new KnowledgeFileError(file, `field "${field}" ${why}`);
  }

  const bodyStart = fence[0].length;
  const captions: string[] = [];
  const paragraphs: MarkdownArticle['paragraphs'] = [];
  const blockRe = /[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*/g;
  blockRe.lastIndex = bodyStart;
  for (let m = blockRe.exec(content); m; m = blockRe.exec(content)) {
    const raw = m[0];
    const text = raw.trim();
    if (!text) continue;
    const start = m.index + raw.indexOf(text);
    const image = /^!\[([^\]]*)\]\([^)]*\)$/.exec(text);
    if (image) {
      if (image[1] && !captions.includes(image[1])) captions.push(image[1]);
      continue;
    }
    if (/^#{1,6}\s/.test(text)) continue;
    paragraphs.push({ text, sourceStart: start });
  }
  return { meta: parsed.data, captions, paragraphs };
}
