/**
 * Word-level helpers for `/ask`: lemmas for common irregular forms, and small groups of everyday
 * near-synonyms, so a reader's wording ("lift sanctions", "fall apart", "met") finds the
 * reporter's ("alleviate sanctions", "collapse", "meeting"). Generic English, not tuned to one
 * story: each group is what a thesaurus would list for news about politics and diplomacy.
 */
import { wordSimilarity } from '../search/phrase';

const IRREGULAR: Record<string, string> = {
  met: 'meet', said: 'say', says: 'say', told: 'tell', led: 'lead', fought: 'fight', began: 'begin',
  begun: 'begin', went: 'go', gone: 'go', made: 'make', took: 'take', taken: 'take', gave: 'give',
  given: 'give', saw: 'see', seen: 'see', held: 'hold', left: 'leave', wrote: 'write', written: 'write',
  thought: 'think', sought: 'seek', won: 'win', lost: 'lose', fell: 'fall', fallen: 'fall', broke: 'break',
  broken: 'break', knew: 'know', known: 'know', signed: 'sign', ended: 'end', wants: 'want',
  wanted: 'want', leaves: 'leave', leaving: 'leave', meeting: 'meet', meetings: 'meet', talks: 'talk',
  views: 'view', viewed: 'view', sees: 'see',
};

let inverse: Map<string, string[]> | undefined;
/** Base form → its irregular forms ("say" → said, says). */
export function irregularForms(): ReadonlyMap<string, string[]> {
  if (!inverse) {
    inverse = new Map();
    for (const [form, base] of Object.entries(IRREGULAR)) inverse.set(base, [...(inverse.get(base) ?? []), form]);
  }
  return inverse;
}

/** Base form: irregular table, then plain English suffix stripping. */
export function lemma(norm: string): string {
  const w = norm.replace(/'s$/, '');
  const irr = IRREGULAR[w];
  if (irr) return irr;
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ed')) return undouble(w.slice(0, -2));
  if (w.length > 4 && /(ss|us|is)$/.test(w)) return w;
  if (w.length > 4 && /(ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function undouble(stem: string): string {
  return /([bdgklmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

const GROUPS = [
  'meet meeting talk talks discuss discussion discussions dialogue negotiation negotiations envoy',
  'say remark remarks comment comments statement tell describe characterise characterize call',
  'disagree differ different odds divergent split',
  'end conclude over finish',
  'lift ease alleviate relax remove drop withdraw scrap',
  'study review examine look consider weigh explore',
  'want seek desire demand',
  'collapse fail failure fall breakdown',
  'lead head',
  'sign signing signatory',
  'support back favor favour endorse push',
  'term office presidency',
  'stance position view see regard perceive',
  'reporter press briefing journalist media',
  'stalemate deadlock impasse',
  'fight war',
  'help assistance aid humanitarian',
  'vaccine vaccines',
  'denuclearization denuclearisation nuclear',
  'agree aligned agreement accept',
  'need require essential necessary vital',
];

const GROUP_OF = new Map<string, number>();
GROUPS.forEach((g, i) => {
  for (const w of g.split(/\s+/)) if (!GROUP_OF.has(w)) GROUP_OF.set(w, i);
});

/**
 * How well a question word matches a text word: 1 same lemma, 0.85 a typo away, 0.7 near-synonym,
 * 0.6 same stem, else 0.
 */
export function termSimilarity(q: string, w: string): number {
  if (q === w) return 1;
  const lq = lemma(q);
  const lw = lemma(w);
  if (lq === lw) return 1;
  const sim = wordSimilarity(q, w);
  if (sim >= 0.85) return sim;
  const gq = GROUP_OF.get(lq) ?? GROUP_OF.get(q);
  const gw = GROUP_OF.get(lw) ?? GROUP_OF.get(w);
  if (gq !== undefined && gq === gw) return 0.7;
  return Math.max(sim, wordSimilarity(lq, lw));
}

/**
 * `termSimilarity(q, ·)` for one question word, with its lemma and synonym group worked out
 * once; the text word's lemma is passed in (computed once per distinct word). Same values.
 */
export function termMatcher(q: string): (w: string, lw: string) => number {
  const lq = lemma(q);
  const gq = GROUP_OF.get(lq) ?? GROUP_OF.get(q);
  return (w, lw) => {
    if (q === w || lq === lw) return 1;
    const sim = wordSimilarity(q, w);
    if (sim >= 0.85) return sim;
    if (gq !== undefined && gq === (GROUP_OF.get(lw) ?? GROUP_OF.get(w))) return 0.7;
    return Math.max(sim, wordSimilarity(lq, lw));
  };
}
