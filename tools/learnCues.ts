/**
 * Learns the cue lexicon (`src/analysis/lexicon/learnedCues.ts`) from PolNeAR train: which verbs,
 * in which frames, report what somebody said, thinks or stands for. Train only (its README: train
 * is for anything learned or tuned; dev is where it is checked, test is held back).
 *
 *   npx tsx tools/learnCues.ts ../shared/data/polnear/train.jsonl --table    # estimate + every key
 *   npx tsx tools/learnCues.ts ../shared/data/polnear/train.jsonl --write    # and the lexicon
 *
 * 1. Candidates: every word of a gold cue (PolNeAR's `cue` span), keyed by `cueStem` ("endorsed"
 *    → "endors"), kept when at least `--min-gold` (5) gold cues of train contain it; function
 *    words and auxiliaries never.
 * 2. The engine runs twice on every article: with no learned cues, and with every candidate
 *    allowed in every frame (`CUE_FRAMES`). Each statement only the second run makes carries its
 *    key and frame ("dismiss obj"). It is right when its content matches, as the scorer counts
 *    (overlap ≥ 50 % of the longer span), a gold attribution the first run missed.
 * 3. A key and frame is kept when it fired at least `--min-n` (5) times and its precision, with
 *    one right and one wrong added ((right + 1) / (fired + 2), so five of five is 0.86, not 1),
 *    is at least `--theta`. The estimate table shows train's all-attribution P/R/F1 for several
 *    thresholds; the default 0.5 is the lowest one where a learned cue is right more often than
 *    wrong (a wrong attribution is this product's worst bug, so a lower one is not offered).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { AUXILIARIES } from '../src/analysis/lexicon';
import { cueStem } from '../src/analysis/lexicon/cueStem';
import { FUNCTION_WORDS, NOUN_MARKERS, NP_STOP } from '../src/analysis/lexicon/cueWords';
import { CUE_FRAMES } from '../src/analysis/learnedFrames';
import type { RawStatement } from '../src/analysis/statement';
import { findStatements } from '../src/analysis/statements';
import type { CueFrame, CueLexicon } from '../src/analysis/types';
import { findQuotes, QuoteIndex, splitParagraphs, splitSentences } from '../src/text/structure';

interface GoldSpan {
  start: number;
  end: number;
  text?: string;
  fragments?: Array<[number, number]>;
}
interface GoldLine {
  id: string;
  text: string;
  attributions: Array<{ content: GoldSpan; cue: GoldSpan | null }>;
}

const args = process.argv.slice(2);
const flag = (name: string, dflt: number): number => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : dflt;
};
const path = args.find((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--'));
if (!path) {
  process.stderr.write('usage: tsx tools/learnCues.ts <train.jsonl> [--table] [--write] [--theta 0.5] [--min-gold 5] [--min-n 5]\n');
  process.exit(2);
}
const MIN_GOLD = flag('--min-gold', 5);
const MIN_N = flag('--min-n', 5);
const THETA = flag('--theta', 0.5);
const OUT = 'src/analysis/lexicon/learnedCues.ts';

const docs = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldLine);

// 1. Candidate keys from the words of gold cues.
const STOP = new Set([...NP_STOP, ...FUNCTION_WORDS, ...AUXILIARIES, ...NOUN_MARKERS, 'not', 'him', 'her', 'them', 'his', 'their', 'its']);
const goldCount = new Map<string, number>();
for (const d of docs) {
  for (const a of d.attributions) {
    for (const w of (a.cue?.text ?? '').toLowerCase().match(/\p{Ll}+/gu) ?? []) {
      if (w.length < 3 || STOP.has(w)) continue;
      const k = cueStem(w);
      goldCount.set(k, (goldCount.get(k) ?? 0) + 1);
    }
  }
}
const candidates = [...goldCount].filter(([, n]) => n >= MIN_GOLD).map(([k]) => k);
const open: CueLexicon = new Map(candidates.map((k) => [k, new Set<CueFrame>(CUE_FRAMES)]));
process.stderr.write(`${candidates.length} candidate keys from ${docs.length} articles\n`);

// 2. Both runs, counted against gold.
type Frags = Array<[number, number]>;
const fragsOf = (sp: { start: number; end: number; fragments?: Frags }): Frags => (sp.fragments?.length ? sp.fragments : [[sp.start, sp.end]]);
const lengthOf = (f: Frags): number => f.reduce((n, [s, e]) => n + Math.max(0, e - s), 0);
const overlapOf = (a: Frags, b: Frags): number => {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
};
const matches = (g: Frags, st: RawStatement): boolean => {
  const f = fragsOf({ start: st.content[0], end: st.content[1], fragments: st.fragments });
  return overlapOf(g, f) >= 0.5 * Math.max(lengthOf(g), lengthOf(f));
};
const fired = new Map<string, number>();
const right = new Map<string, number>();
/** Wrong statements that still overlap a gold span: a boundary miss rather than no attribution. */
const near = new Map<string, number>();
let gold = 0;
let baseSys = 0;
let baseMatch = 0;
for (const d of docs) {
  const paras = splitParagraphs(d.text);
  const quotes = findQuotes(d.text, paras);
  const qi = new QuoteIndex(quotes);
  const sentences = splitSentences(d.text, paras, qi);
  const base = findStatements(d.text, paras, sentences, quotes, qi, new Map());
  const wide = findStatements(d.text, paras, sentences, quotes, qi, open);
  const golds = d.attributions.map((a) => fragsOf(a.content));
  gold += golds.length;
  baseSys += base.length;
  const missed = new Set(golds.map((_, k) => k).filter((k) => !base.some((st) => matches(golds[k] as Frags, st))));
  baseMatch += golds.length - missed.size;
  for (const st of wide) {
    if (!st.learned) continue;
    fired.set(st.learned, (fired.get(st.learned) ?? 0) + 1);
    const k = [...missed].find((g) => matches(golds[g] as Frags, st));
    if (k === undefined) {
      const f = fragsOf({ start: st.content[0], end: st.content[1], fragments: st.fragments });
      if (golds.some((g) => overlapOf(g, f) > 0)) near.set(st.learned, (near.get(st.learned) ?? 0) + 1);
      continue;
    }
    missed.delete(k);
    right.set(st.learned, (right.get(st.learned) ?? 0) + 1);
  }
}

// 3. Keep the keys and frames that are right more often than the threshold.
const rows = [...fired].map(([key, n]) => {
  const r = right.get(key) ?? 0;
  return { key, n, r, p: (r + 1) / (n + 2) };
}).sort((a, b) => b.p - a.p || b.n - a.n || a.key.localeCompare(b.key));
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
process.stdout.write(`train, engine's raw statements, no learned cues: all P=${(baseMatch / baseSys).toFixed(3)} R=${(baseMatch / gold).toFixed(3)} F1=${f1(baseMatch / baseSys, baseMatch / gold).toFixed(3)}\n`);
for (const theta of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  const kept = rows.filter((x) => x.n >= MIN_N && x.p >= theta);
  const sys = baseSys + kept.reduce((n, x) => n + x.n, 0);
  const m = baseMatch + kept.reduce((n, x) => n + x.r, 0);
  process.stdout.write(`theta ${theta.toFixed(1)}: ${kept.length} keys+frames, estimated all P=${(m / sys).toFixed(3)} R=${(m / gold).toFixed(3)} F1=${f1(m / sys, m / gold).toFixed(3)}\n`);
}
const kept = rows.filter((x) => x.n >= MIN_N && x.p >= THETA);
if (args.includes('--table')) for (const x of rows.filter((y) => y.n >= MIN_N)) process.stdout.write(`${x.p >= THETA ? '+' : ' '} ${x.key.padEnd(18)} ${String(x.r).padStart(4)}/${String(x.n).padEnd(5)} ${x.p.toFixed(2)} (${near.get(x.key) ?? 0} wrong ones overlap a gold span)\n`);

if (args.includes('--write')) {
  const byKey = new Map<string, Array<{ frame: string; r: number; n: number }>>();
  for (const x of kept) {
    const [key, frame] = x.key.split(' ') as [string, string];
    byKey.set(key, [...(byKey.get(key) ?? []), { frame, r: x.r, n: x.n }]);
  }
  const lines = [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, fs]) => {
    const frames = fs.sort((a, b) => CUE_FRAMES.indexOf(a.frame as CueFrame) - CUE_FRAMES.indexOf(b.frame as CueFrame));
    return `  ['${key}', [${frames.map((f) => `'${f.frame}'`).join(', ')}]], // ${frames.map((f) => `${f.frame} ${f.r}/${f.n}`).join(', ')}`;
  });
  writeFileSync(
    OUT,
    [
      `// Generated by \`npx tsx tools/learnCues.ts <PolNeAR train.jsonl> --write\` (theta ${THETA}, min-gold ${MIN_GOLD}, min-n ${MIN_N}):`,
      '// do not edit by hand. Each entry: a cue key (lexicon/cueStem.ts) and the frames it may open;',
      '// the comment gives, per frame, how often on train a statement it opened matched a gold',
      '// attribution the hand-written cues missed, out of how often it fired.',
      "import type { CueFrame, CueLexicon } from '../types';",
      '',
      'const ENTRIES: Array<[string, CueFrame[]]> = [',
      ...lines,
      '];',
      '',
      '/** Learned cue key → frames it may open. */',
      'export const LEARNED_CUES: CueLexicon = new Map(ENTRIES.map(([k, f]) => [k, new Set(f)]));',
      '',
    ].join('\n'),
  );
  process.stdout.write(`wrote ${OUT}: ${byKey.size} keys, ${kept.length} keys+frames\n`);
}
