/**
 * The bench's seeded, reproducible queries, cut from the loaded knowledge base: phrase lookups
 * (every third with a typo), keyword queries, person names, parties and autocomplete prefixes.
 */
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { isStopWord, words } from '../src/text/words';
import { baseId } from './corpus';
import { seededRandom as rng } from '../src/core/random';

export interface PhraseQuery {
  text: string;
  typo: boolean;
  gold: { article: string; paragraph: number; id: number };
}

function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1); // drop
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return word.slice(0, i) + letters[Math.floor(r() * 26)] + word.slice(i + 1); // substitute
}

export function makeQueries(kb: KnowledgeBase, n: number, seed: number) {
  const r = rng(seed);
  const originals = kb.paragraphs.filter((p) => baseId(p.article.id) === p.article.id);
  const phrases: PhraseQuery[] = [];
  const keywords: string[] = [];
  for (let guard = 0; phrases.length < n && guard < n * 50; guard++) {
    const rec = originals[Math.floor(r() * originals.length)]!;
    const w = words(rec.paragraph.text);
    if (w.length < 10) continue;
    const len = 3 + Math.floor(r() * 6);
    const at = Math.floor(r() * (w.length - len));
    const span = w.slice(at, at + len);
    const content = span.filter((x) => !isStopWord(x.norm) && x.norm.length >= 3);
    if (content.length < 2) continue;
    let text = rec.paragraph.text.slice(span[0]!.start, span[span.length - 1]!.end);
    const isTypo = phrases.length % 3 === 2;
    if (isTypo) {
      const long = span.filter((x) => x.norm.length >= 5 && /^[a-z]+$/.test(x.norm));
      if (long.length === 0) continue;
      const target = long[Math.floor(r() * long.length)]!;
      const s = target.start - span[0]!.start;
      const e = target.end - span[0]!.start;
      text = text.slice(0, s) + typo(text.slice(s, e), r) + text.slice(e);
    }
    phrases.push({ text, typo: isTypo, gold: { article: rec.article.id, paragraph: rec.paragraph.number, id: rec.id } });
  }
  for (let guard = 0; keywords.length < n && guard < n * 50; guard++) {
    const rec = originals[Math.floor(r() * originals.length)]!;
    const w = words(rec.paragraph.text).filter((x) => !isStopWord(x.norm) && x.norm.length >= 4 && /^[a-z]+$/.test(x.norm));
    if (w.length < 3) continue;
    const k = 2 + Math.floor(r() * 2);
    const picked = new Set<string>();
    while (picked.size < k) picked.add(w[Math.floor(r() * w.length)]!.norm);
    keywords.push([...picked].join(' '));
  }
  const quoted = kb.people.filter((p) => p.quotes > 0);
  const names: string[] = [];
  for (let i = 0; i < Math.min(n, quoted.length * 3); i++) {
    const p = quoted[Math.floor(r() * quoted.length)]!;
    const parts = p.name.split(/\s+/);
    names.push(r() < 0.5 ? p.name : parts[parts.length - 1]!);
  }
  const partyChoices = kb.suggest('party', '');
  const parties = partyChoices.length ? Array.from({ length: Math.min(n, 100) }, () => partyChoices[Math.floor(r() * partyChoices.length)]!.value) : [];
  const prefixes: Array<{ source: 'speaker' | 'article' | 'party'; typed: string }> = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    if (kind === 0 && names.length) prefixes.push({ source: 'speaker', typed: names[i % names.length]!.slice(0, 1 + Math.floor(r() * 5)) });
    else if (kind === 1) {
      const a = kb.articles[Math.floor(r() * kb.articles.length)]!;
      prefixes.push({ source: 'article', typed: a.title.slice(0, 1 + Math.floor(r() * 8)) });
    } else if (parties.length) prefixes.push({ source: 'party', typed: parties[i % parties.length]!.slice(0, 1 + Math.floor(r() * 3)) });
    else prefixes.push({ source: 'speaker', typed: names.length ? names[i % names.length]!.slice(0, 2) : 'a' });
  }
  return { phrases, keywords, names, parties, prefixes };
}

