/**
 * People across all articles. The attribution engine finds speakers per article; the same name in
 * two articles is taken to be the same person (news rarely reuses full names within a reading
 * list), and their statements are counted together.
 */
import type { ArticleAnalysis } from './articleAnalysis';
import { personKey } from '../text/names';

export { personKey };

export interface PersonRecord {
  /** Stable key: the normalised full name. */
  key: string;
  name: string;
  role?: string;
  affiliation?: string;
  aliases: string[];
  /** Normalised name and aliases, and their words: what typed names are matched against. */
  nameKeys: string[];
  nameTokens: string[];
  /** Statements (direct and indirect) attributed to this person. */
  quotes: number;
  appearances: Array<{ articleId: string; speakerId: string }>;
}

export function buildPeople(analyses: ArticleAnalysis[]): PersonRecord[] {
  const byKey = new Map<string, PersonRecord>();
  for (const a of analyses) {
    const counts = new Map<string, number>();
    for (const s of a.statements) if (s.speakerId) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
    for (const sp of a.speakers) {
      const key = personKey(sp.name);
      let rec = byKey.get(key);
      if (!rec) {
        rec = { key, name: sp.name, aliases: [], nameKeys: [key], nameTokens: key.split(/\s+/), quotes: 0, appearances: [] };
        byKey.set(key, rec);
      }
      rec.role ??= sp.role;
      rec.affiliation ??= sp.affiliation;
      for (const alias of sp.aliases) {
        if (rec.aliases.includes(alias)) continue;
        rec.aliases.push(alias);
        const k = personKey(alias);
        if (!rec.nameKeys.includes(k)) rec.nameKeys.push(k);
        for (const t of k.split(/\s+/)) if (!rec.nameTokens.includes(t)) rec.nameTokens.push(t);
      }
      rec.quotes += counts.get(sp.id) ?? 0;
      rec.appearances.push({ articleId: a.article.id, speakerId: sp.id });
    }
  }
  return [...byKey.values()];
}
