/**
 * What may differ between a phrase and the stored words for the match still to count as the same
 * words (`fuzzy`): spelling errors, inflection, punctuation, quote marks, and function words
 * dropped, added or swapped. A content word that is substituted, added or dropped — above all a
 * negation, a number, an antonym made with a prefix ("possible" / "impossible", "increase" /
 * "decrease") — makes the passage a near miss, at best `related`.
 *
 * These rules are general English morphology and grammar, not words of one story.
 */

/**
 * Function words: may be dropped, added or swapped without changing what was said. The index's
 * stop words (text/words.ts) plus determiners, pronouns and contractions it leaves out. Negations,
 * quantities ("more", "all", "none"), opposing prepositions ("before", "without") and modals of
 * obligation ("must", "may") are not here: they change meaning.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an and are as at be been being but by can could did do does for from had has have he her hers
  herself him himself his how i if in into is it its it's itself me my myself of on or our ours
  ourselves she so than that the their theirs them themselves then there these they this those to us
  was we were what when where which while who whom whose why will with would you your yours yourself
  any such also just very too own upon onto about
  i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's he'd he'll she's she'd
  she'll they're they've they'd they'll that's there's here's what's who's let's`
    .split(/\s+/)
    .filter(Boolean),
);

const NEGATIONS: ReadonlySet<string> = new Set(
  `not no never none nobody nothing nowhere neither nor cannot without dont doesnt didnt isnt arent
  wasnt werent cant couldnt wouldnt shouldnt wont havent hasnt hadnt aint mustnt neednt`
    .split(/\s+/)
    .filter(Boolean),
);

/** "not", "never", "no", "don't", "cannot" …: a word that reverses what it applies to. */
export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm.endsWith("n't");
}

/** A word whose change changes what was said (everything but the function words; negations always). */
export function isContentWord(norm: string): boolean {
  return !FUNCTION_WORDS.has(norm) || isNegation(norm);
}

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
  sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
  thousand million billion trillion dozen half first second third fourth fifth sixth seventh eighth
  ninth tenth hundreds thousands millions billions trillions dozens`
    .split(/\s+/)
    .filter(Boolean),
);

const isNumber = (w: string) => /\d/.test(w) || NUMBER_WORDS.has(w);

/** Prefixes that negate the word they are put on: "un" + "likely", "im" + "possible", "a" + "political". */
const NEGATING_PREFIXES: ReadonlySet<string> = new Set(['un', 'in', 'im', 'il', 'ir', 'dis', 'non', 'non-', 'a', 'an', 'anti', 'anti-', 'mis', 'de', 'counter']);

/** "a" negates before a consonant ("apolitical"), "an" before a vowel ("anaerobic"); "aappears" is a typo. */
function negatingPrefix(prefix: string, word: string): boolean {
  if (!NEGATING_PREFIXES.has(prefix)) return false;
  const vowel = /^[aeiou]/.test(word);
  return prefix === 'a' ? !vowel : prefix === 'an' ? vowel : true;
}

/** Prefix pairs that make opposites of the same stem: "in/de crease", "in/ex ternal", "maj/min ority". */
const OPPOSED_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['in', 'ex'],
  ['im', 'ex'],
  ['in', 'de'],
  ['in', 'out'],
  ['a', 'de'],
  ['up', 'down'],
  ['over', 'under'],
  ['pro', 'anti'],
  ['pre', 'post'],
  ['max', 'min'],
  ['maj', 'min'],
  ['en', 'dis'],
  ['em', 'dis'],
  ['en', 'de'],
  ['ac', 'de'],
];

/** Compass points: "northern" / "southern", "northeast" / "southeast" are different places. */
const DIRECTIONS = ['north', 'south', 'east', 'west'];
const direction = (w: string) => DIRECTIONS.find((d) => w.includes(d));

/**
 * Whether two words are forms of one word by regular English inflection: plural or third person
 * ("ask" / "asks", "country" / "countries", "tax" / "taxes"), past ("issue" / "issued", "stop" /
 * "stopped", "try" / "tried") or -ing ("time" / "timing", "run" / "running"). Rules only, no word
 * list: irregular forms ("go" / "went") are not recognised, and "car" / "cared" would be.
 */
export function sameInflection(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.charCodeAt(0) !== b.charCodeAt(0) || Math.abs(a.length - b.length) > 4) return false;
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // Inflection changes at most the last letter of the base ("try" → "tri-ed", "time" → "tim-ing").
  if (p < Math.min(a.length, b.length) - 1 || p < 2) return false;
  const ba = bases(a);
  for (const x of bases(b)) if (ba.includes(x)) return true;
  return false;
}

/**
 * Common irregular verbs of news English: base, past, past participle. General morphology, the
 * same for any story; a word not here and not regular is not taken for an inflection.
 */
const IRREGULAR_VERBS = `say said said|tell told told|make made made|go went gone|take took taken|give gave given
  come came come|get got gotten|know knew known|think thought thought|see saw seen|find found found
  leave left left|meet met met|keep kept kept|hold held held|bring brought brought|begin began begun
  run ran run|win won won|lose lost lost|pay paid paid|buy bought bought|sell sold sold
  speak spoke spoken|write wrote written|feel felt felt|build built built|send sent sent
  spend spent spent|mean meant meant|stand stood stood|understand understood understood|lead led led
  fall fell fallen|rise rose risen|grow grew grown|show showed shown|break broke broken
  choose chose chosen|drive drove driven|fight fought fought|teach taught taught|catch caught caught
  seek sought sought|become became become|forget forgot forgotten|hear heard heard|lay laid laid
  sit sat sat|wear wore worn|draw drew drawn|throw threw thrown|fly flew flown|eat ate eaten`;

/** Irregular form → base ("said" → "say"); bases map to themselves. */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  IRREGULAR_VERBS.split('|').flatMap((line) => {
    const [base, ...forms] = line.trim().split(/\s+/);
    return [base!, ...forms].map((f) => [f, base!] as [string, string]);
  }),
);

/**
 * The irregular verb `w` is a form of ("says" → "say", "told" → "tell"), or undefined: the
 * aligner asks this once per word of the phrase, and compares text words only for those that have one.
 */
export function irregularBase(w: string): string | undefined {
  for (const b of bases(w)) {
    const base = IRREGULAR.get(b);
    if (base !== undefined) return base;
  }
  return undefined;
}

/** The words `w` can be an inflection of (itself included). */
// Plain loops and top-level helpers, no closures: the aligner calls this for word pairs in its
// inner loop, and tsx/esbuild wraps every closure creation in a naming helper that cost more than
// the work itself.
function bases(w: string): string[] {
  const out = [w];
  const s = stemOff(w, 's');
  if (s !== null && !s.endsWith('s')) addBase(out, s);
  const es = stemOff(w, 'es');
  if (es !== null && /(s|x|z|ch|sh|o)$/.test(es)) addBase(out, es);
  const ies = stemOff(w, 'ies');
  if (ies !== null) addBase(out, `${ies}y`);
  const ied = stemOff(w, 'ied');
  if (ied !== null) addBase(out, `${ied}y`);
  const d = stemOff(w, 'd');
  if (d !== null && d.endsWith('e')) addBase(out, d);
  addVerbBase(out, stemOff(w, 'ed'));
  addVerbBase(out, stemOff(w, 'ing'));
  return out;
}

function stemOff(w: string, suffix: string): string | null {
  return w.endsWith(suffix) ? w.slice(0, w.length - suffix.length) : null;
}

function addBase(out: string[], base: string): void {
  if (base.length >= 2) out.push(base);
}

/** The base of an "-ed" / "-ing" form: as it is, with an "e", or with a doubled consonant undone ("stopped", "running"). */
function addVerbBase(out: string[], base: string | null): void {
  if (base === null || base.length < 2) return;
  addBase(out, base);
  addBase(out, `${base}e`);
  if (base.length >= 3 && base[base.length - 1] === base[base.length - 2] && !/[aeiou]/.test(base[base.length - 1]!)) addBase(out, base.slice(0, -1));
}

/** Function words that look alike but point at different things. */
const OPPOSED_WORDS: ReadonlyArray<readonly [string, string]> = [['here', 'there']];

/**
 * Whether two words that look alike (a typo or an inflection apart, as `wordSimilarity` judges)
 * are nevertheless different words: numbers that differ ("2020" / "2021", "million" / "billion"),
 * a negation against a non-negation ("never" / "ever"), opposites made with prefixes, or
 * different compass points ("northern" / "southern").
 */
export function distinctWords(a: string, b: string): boolean {
  if (a === b) return false;
  if (isNegation(a) !== isNegation(b)) return true;
  if (/\d/.test(a) || /\d/.test(b)) return true;
  // Number words must be the same number; "million" / "millions" are ("two million", "millions of").
  if (isNumber(a) && isNumber(b)) return a.replace(/s$/, '') !== b.replace(/s$/, '');
  if (OPPOSED_WORDS.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) return true;
  if (direction(a) !== direction(b)) return true;
  // The common ending, and what precedes it in each word.
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  if (k < 3) return false;
  const pa = a.slice(0, a.length - k);
  const pb = b.slice(0, b.length - k);
  if ((pa === '' && negatingPrefix(pb, a)) || (pb === '' && negatingPrefix(pa, b))) return true;
  return OPPOSED_PREFIXES.some(([x, y]) => (pa === x && pb === y) || (pa === y && pb === x));
}
