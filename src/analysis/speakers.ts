/**
 * The people of an article: creation from full-name mentions, linking of later surname / first
 * name / titled references, and disambiguation when several people share a name token.
 */
import { slug } from '../text/slug';
import type { Span } from './types';

export interface Person {
  id: string;
  name: string;
  tokens: string[];
  /** Title words used with this person's name ("president", "mr"). */
  titles: Set<string>;
  role?: string;
  affiliation?: string;
  gender?: 'male' | 'female';
  aliases: Set<string>;
  mentions: Span[];
  /** Offset of the latest statement attributed to this person (-1 if none). */
  lastSpoke: number;
  lastMention: number;
  lastMentionPara: number;
  /**
   * Only capitalised words make this a person so far ("Khamag Mongol", "Jurchen Jin"): no first
   * name, title, role or gender, and never named as a source. A he/she never resolves to it.
   */
  weak?: boolean;
  /** Its name reads as a people's or a group's (`groupLikeName`): not listed while it stays weak. */
  groupLike?: boolean;
}

/** Registry of the people in one article. */
export class People {
  readonly all: Person[] = [];
  private readonly byToken = new Map<string, Person[]>();

  /** Finds a person with the same first and last name tokens, or creates one. */
  upsertFull(tokens: string[], text: string): Person {
    const first = tokens[0] ?? '';
    const last = tokens[tokens.length - 1] ?? '';
    // Same first and last token, or the tail of a longer name already known ("Van Der Beek"
    // after "James Van Der Beek").
    const found =
      this.all.find((p) => p.tokens[0] === first && p.tokens[p.tokens.length - 1] === last) ??
      (tokens.length >= 2 ? this.all.find((p) => p.tokens.length > tokens.length && p.tokens.slice(-tokens.length).join(' ') === tokens.join(' ')) : undefined);
    if (found) {
      found.aliases.add(text);
      return found;
    }
    let id = slug(text) || `person-${this.all.length + 1}`;
    if (this.all.some((p) => p.id === id)) id = `${id}-${this.all.length + 1}`;
    const p: Person = { id, name: text, tokens, titles: new Set(), aliases: new Set([text]), mentions: [], lastSpoke: -1, lastMention: -1, lastMentionPara: -1 };
    this.all.push(p);
    for (const t of tokens) {
      const k = t.toLowerCase();
      const list = this.byToken.get(k) ?? [];
      list.push(p);
      this.byToken.set(k, list);
    }
    return p;
  }

  /** People whose name contains the token (surname or first name reference). */
  withToken(token: string): Person[] {
    return this.byToken.get(token.toLowerCase()) ?? [];
  }

  /**
   * Resolves a one-word name reference. Candidates are narrowed by title (a "President X" is the
   * X who was given that title; "Mr." needs a male) and then by discourse: the candidate who
   * spoke most recently, or who alone was mentioned in a later paragraph. When the text does not
   * separate two candidates the answer is null: better "unknown" than the wrong person.
   */
  resolveToken(token: string, title: string | undefined, titleGender: 'male' | 'female' | undefined): Person | null {
    let cands = this.withToken(token);
    if (cands.length <= 1) return cands[0] ?? null;
    if (title) {
      const tl = title.toLowerCase().replace(/\./g, '');
      const byTitle = cands.filter((p) => p.titles.has(tl));
      if (byTitle.length) cands = byTitle;
      else if (titleGender) cands = cands.filter((p) => !p.gender || p.gender === titleGender);
      if (cands.length === 1) return cands[0] ?? null;
    }
    // Surname match beats first-name match ("Clinton" for Hillary Clinton vs Clinton Foundation's Bill?).
    const bySurname = cands.filter((p) => (p.tokens[p.tokens.length - 1] ?? '').toLowerCase() === token.toLowerCase() || (p.tokens[0] ?? '').toLowerCase() === token.toLowerCase());
    if (bySurname.length === 1) return bySurname[0] ?? null;
    const sorted = [...cands].sort((a, b) => b.lastSpoke - a.lastSpoke);
    const [a, b] = sorted;
    if (a && b && a.lastSpoke > b.lastSpoke && a.lastSpoke >= 0 && a.lastSpoke > b.lastMention) return a;
    const byPara = [...cands].sort((x, y) => y.lastMentionPara - x.lastMentionPara);
    const [c, d] = byPara;
    if (c && d && c.lastMentionPara > d.lastMentionPara && a && a.lastSpoke < 0) return c;
    return null;
  }
}
