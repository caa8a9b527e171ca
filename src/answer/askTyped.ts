/**
 * `/ask`'s `typed` feature: a question that names the *form* of its answer — "What year …",
 * "How much did it cost …", "What percentage …", "How many times …", "How far …", "On what
 * date …", "What colour …" — is answered by
 * a sentence holding a figure of that form, not just any date or number. The answer-type evidence
 * (answerType.ts) counts any date for "when" and any number for "how many": on encyclopedic text,
 * where nearly every sentence holds one, that tells paragraphs apart poorly ("How much did Levi's
 * Stadium cost?" went to "the two finalists were Sun Life Stadium and Levi's Stadium" over "The
 * $1.2 billion stadium opened in 2014").
 *
 * The form is read from the question's wording alone; the evidence is 1 when the sentence holds a
 * figure of that form other than the question's own words, else 0.
 */
import { isStopWord, words, type Word } from '../text/words';

/** The forms an answer can be asked for by name. */
export type AnswerForm = 'year' | 'month' | 'day' | 'colour' | 'century' | 'money' | 'percent' | 'times' | 'duration' | 'distance' | 'age';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const UNITS_OF_TIME = 'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century';

/** What each form looks like in a sentence. */
const FORMS: Record<AnswerForm, RegExp> = {
  year: /\b(?:1\d{3}|20\d\d)s?\b|\b\d{1,4}\s?(?:BC|AD|BCE|CE)\b|\bAD\s?\d{1,4}\b/g,
  month: new RegExp(`\\b(?:${MONTHS})\\b`, 'g'),
  day: new RegExp(`\\b(?:(?:${MONTHS}) \\d{1,2}|\\d{1,2} (?:${MONTHS})|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`, 'g'),
  colour: /\b(?:white|black|red|blue|green|yellow|orange|purple|pink|brown|grey|gray|gold|golden|silver|navy|crimson|scarlet|maroon|violet|teal|turquoise|beige)\b/gi,
  century: /\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century\b/gi,
  money: /[$€£¥]\s?\d|\b\d[\d,.]{0,20}\s*(?:million|billion|trillion|thousand)?\s*(?:dollars|euros|pounds|marks|francs|yen|rubles|roubles|złoty|zloty|USD|EUR|GBP)\b/gi,
  percent: /\b\d[\d,.]{0,20}\s?(?:%|percent\b|per cent\b)|\b(?:half|a third|a quarter|two-thirds|three-quarters) of\b/gi,
  times: /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\w+teen)\s+times\b|\b(?:once|twice|thrice)\b/gi,
  duration: new RegExp(`\\b(?:\\d[\\d,.]{0,20}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|a few|many)[\\s-]+(?:${UNITS_OF_TIME})\\b|\\buntil\\b`, 'gi'),
  distance: /\b\d[\d,.]{0,20}\s?(?:km|kilomet(?:re|er)s?|mi|miles?|m|met(?:re|er)s?|feet|ft|yards?|nautical miles)\b/gi,
  age: /\b(?:aged?|at age)\s+\d{1,3}\b|\b\d{1,3}[\s-]+years?[\s-]+old\b|,\s*\d{1,3},/gi,
};

/** Question wordings that name a form, first match wins. */
const ASKS: Array<[RegExp, AnswerForm]> = [
  [/\bhow\s+old\b|\bwhat\s+age\b|\bat\s+what\s+age\b/, 'age'],
  [/\b(?:what|which)\s+(?:year|decade)\b/, 'year'],
  [/\b(?:what|which)\s+century\b/, 'century'],
  [/\b(?:what|which)\s+month\b/, 'month'],
  [/\b(?:what|which|on\s+what)\s+(?:day|date)\b/, 'day'],
  [/\b(?:what|which)\s+colou?rs?\b/, 'colour'],
  [/\bhow\s+much\s+money\b|\bhow\s+much\b.*\b(?:cost|costs|pay|paid|spend|spent|earn|earned|charge|charged|worth|price|sell|sold|raise|raised|owe|budget|fund|funding|invest|invested)\b|\b(?:what|which)\s+(?:was|is|were|are)?\s*(?:the\s+)?(?:\w+\s+)?(?:price|cost|salary|budget|fee|revenue)\b/, 'money'],
  [/\b(?:what|which)\s+(?:\w+\s+)?(?:percent|percentage|proportion)\b|\bhow\s+much\s+of\b/, 'percent'],
  [/\bhow\s+many\s+times\b|\bhow\s+often\b/, 'times'],
  [/\bhow\s+long\b(?!\s+(?:is|was|are|were)\s+(?:the|a|an)\s+\w+\s+(?:bridge|river|road|wall|line|tunnel|border|coast|runway))/, 'duration'],
  [/\bhow\s+far\b|\bwhat\s+(?:is\s+the\s+)?distance\b/, 'distance'],
];

/** The answer form a question names, if it names one. */
export function answerForm(question: string): AnswerForm | undefined {
  const t = question.toLowerCase();
  for (const [re, form] of ASKS) if (re.test(t)) return form;
  return undefined;
}

/**
 * 1 when `sentence` holds a figure of `form` that is not made of the question's own words
 * (`fresh` says whether a normalised word is not the question's), else 0.
 */
export function typedEvidence(form: AnswerForm, sentence: string, fresh: (norm: string) => boolean): number {
  const re = FORMS[form];
  re.lastIndex = 0;
  for (const m of sentence.matchAll(re)) {
    const ws = words(m[0]);
    // A figure the question itself holds ("in 2015") is no answer; a bare "%" has no words.
    if (ws.length === 0 || ws.some((w) => fresh(w.norm))) return 1;
  }
  return 0;
}

/**
 * Forms the articles write one way, so that a passage without one does not give it, with how the
 * notice names them: "What year …" is answered by "1873" or "AD 1206" and never in words. Across
 * the 98 SQuAD dev questions that name one of these forms, the passages `/ask` showed always held
 * one; a number, a duration or an age is often spelled out ("three-fourths", "seven months old"),
 * so its absence proves little and those forms are not here.
 */
const WRITTEN_ONE_WAY: Partial<Record<AnswerForm, string>> = { year: 'a year', month: 'a month', day: 'a date', century: 'a century', colour: 'a colour' };

/**
 * The forms whose figure gives what the question asks for, coarser ones included: "prior to
 * which date?" is answered by "prior to 1973" and "What century …" by "built in 1206", so a
 * passage holding a year does give "a date" and "a century" (a notice saying it does not would be
 * false); a year still gives no month, a month no year.
 */
const GIVEN_BY: Partial<Record<AnswerForm, readonly AnswerForm[]>> = { day: ['day', 'month', 'year'], century: ['century', 'year'] };

/**
 * When the question asks for a year, month, date, century or colour by name and none of
 * `passages` holds one (or a figure that gives it: `GIVEN_BY`) besides the question's own ("When
 * in 2015 …" is not answered by "2015"), what they lack, as the notice says it ("a year");
 * otherwise undefined. The ranker may still have found the passages that speak of the question's
 * subject, but it must not present them as the answer.
 */
export function missingForm(question: string, passages: readonly string[]): string | undefined {
  const form = answerForm(question);
  const name = form && WRITTEN_ONE_WAY[form];
  if (!form || !name) return undefined;
  const own = new Set(words(question).map((w) => w.norm));
  const fresh = (norm: string) => !own.has(norm);
  const givenBy = GIVEN_BY[form] ?? [form];
  return passages.some((p) => givenBy.some((f) => typedEvidence(f, p, fresh) > 0)) ? undefined : name;
}

/**
 * For "What type/kind/sort/form of NOUN …" (the `kind` feature), the index of the question term
 * NOUN stands for, else -1: the answer is the word that makes NOUN a kind ("nonviolent civil
 * disobedience", "a blind plea", "Gothic architecture"). `terms` are the question's content words
 * with their offsets in `question`.
 */
export function kindTerm(question: string, terms: ReadonlyArray<{ start: number }>): number {
  const m = /\b(?:what|which)\s+(?:\w+\s+)?(?:kinds?|types?|sorts?|forms?)\s+of\s+/i.exec(question);
  if (!m) return -1;
  return terms.findIndex((t) => t.start === m.index + m[0].length);
}

/** Words after which the next one is a verb: infinitive "to", modals, auxiliaries, pronouns. */
const VERB_BEFORE = new Set('to will would can could should may might must shall do does did not never i we you he she they it who which that'.split(' '));

/** Prepositions that bring a noun's kind after it. */
const KIND_AFTER = new Set(['on', 'about', 'over', 'of', 'for', 'between', 'against']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** "a plea on Monday", "talks in March": a time, not a kind. */
const TIME_WORD = new RegExp(`^(?:${MONTHS.toLowerCase()}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight)$`);

/**
 * The `kind` evidence of words ws[from, to): 1 when a word that is neither the question's nor a
 * stop word stands right before a word matching the question's NOUN (`matches`, term `term`), or
 * right after it and a preposition.
 */
export function kindEvidence(ws: readonly Word[], matches: ReadonlyArray<readonly number[] | undefined>, from: number, to: number, term: number, fresh: (norm: string) => boolean): number {
  const own = (k: number) => k >= from && k < to && /\p{L}/u.test(ws[k]!.norm) && !isStopWord(ws[k]!.norm) && !TIME_WORD.test(ws[k]!.norm) && fresh(ws[k]!.norm);
  for (let j = from; j < to; j++) {
    if (!(matches[j]?.[term] ?? 0)) continue;
    // Before the noun ("a blind plea"), unless it is a verb ("to resume talks", "they held talks").
    if (own(j - 1) && !(j - 2 >= from && VERB_BEFORE.has(ws[j - 2]!.norm))) return 1;
    // After it, by a preposition ("talks on humanitarian aid", "a plea of guilty").
    if (KIND_AFTER.has(ws[j + 1]?.norm ?? '') && (own(j + 2) || (ARTICLES.has(ws[j + 2]?.norm ?? '') && own(j + 3)))) return 1;
  }
  return 0;
}
