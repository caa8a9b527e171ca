/**
 * Ids from names: lower case ASCII letters and digits joined by single dashes, accents dropped
 * ("Émile Zola" → "emile-zola"). Article ids (`ingest/document.ts`) and party ids
 * (`parties/registry.ts`) both use it; each adds its own length cap or fallback for names with no
 * letter or digit left (then this returns '').
 */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
