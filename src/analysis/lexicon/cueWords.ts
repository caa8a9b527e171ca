/**
 * Word lists of the cue finder (statements.ts and its stages): which verbs report speech in which
 * frames, which words stop or start a source noun phrase. Kept apart from the code so the rules
 * read as rules and the lists can grow without touching them.
 */
import { verbForms } from './index';
/** Words that end a backwards search for a subject noun phrase. */
export const NP_STOP = new Set(
  ('what how why whose that who whom which and but or because while when if as after before since although though so ' +
    'than where with without in on at to from by for into about of over under during amid despite ' +
    'is was are were be been being has have had do does did not also will would could should may might ' +
    'can must said says told according while whether once until unless even just only').split(' '),
);
/** Determiners/possessives before a verb-like word make it a noun ("the report", "his claims"). */
export const NOUN_MARKERS = new Set('a an the his her its their our my your this that these those such no any some every each'.split(' '));
/** The days of the week, lower case, as a regex alternation (for the time patterns of the frames). */
export const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/** Adverbials allowed between a verb and its "that" or quote. */
export const TIME_WORDS = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier ' +
    'recently previously again also last this week month year night morning afternoon evening ' +
    'on in at during a an the interview statement speech briefing forum conference news rally ' +
    'event hearing call email emails letter post tweet posting reporters told ago once before ' +
    'then first repeatedly publicly privately separately flatly simply').split(' '),
);
export const THOUGHT_VERBS = new Set(
  'believe believes believed think thinks thought hope hopes hoped expect expects expected fear fears feared feel feels felt know knows knew understand understands understood worry worries worried doubt doubts doubted wonder wonders wondered'.split(' '),
);
/** Verbs that need an explicit "that" or a quote to be attributions (too noisy otherwise). */
export const NEEDS_THAT = new Set(
  'told tell tells telling show shows showed shown find finds found indicate indicates indicated know knows knew understand understands understood feel feels felt hope hopes hoped expect expects expected mention mentions mentioned question questions questioned reveal reveals revealed'.split(' '),
);
/** Verbs that report a clause without needing "that" ("X said the plan failed"). */
export const BARE_CLAUSE_VERBS = new Set(
  ('say says said saying claim claims claimed claiming argue argues argued arguing insist insists insisted ' +
    'add adds added adding note notes noted noting warn warns warned warning believe believes believed ' +
    'think thinks thought suggest suggests suggested contend contends contended assert asserts asserted ' +
    'predict predicts predicted acknowledge acknowledges acknowledged admit admits admitted explain ' +
    'explains explained write writes wrote maintain maintains maintained estimate estimates estimated ' +
    'tweet tweets tweeted complain complains complained recall recalls recalled concede concedes conceded ' +
    'fear fears feared worry worries worried hope hopes hoped expect expects expected ' +
    // "The New York Times reported the email came hours after …" (with a subject only, as for thoughts).
    'reports reported').split(' '),
);
/** Verbs whose object may carry a partial quote ("called the plan “reckless”"). */
export const MIXED_VERBS = new Set(
  ('call calls called calling dismiss dismisses dismissed dismissing describe describes described describing ' +
    'label labels labeled labelled labeling promise promises promised promising vow vows vowed vowing ' +
    'urge urges urged urging accuse accuses accused accusing praise praises praised praising criticize ' +
    'criticizes criticized criticizing criticise criticised offer offers offered offering deride derided ' +
    'slam slams slammed slamming blast blasts blasted blasting hail hails hailed brand brands branded ' +
    'condemn condemns condemned condemning denounce denounces denounced denouncing reject rejects rejected ' +
    'defend defends defended defending pledge pledges pledged demand demands demanded tout touts touted ' +
    'mock mocks mocked mocking characterize characterized characterizing refer refers referred referring ' +
    'dub dubs dubbed decry decries decried blame blames blamed blaming vowing lament laments lamented ' +
    'recall recalls recalled insist insists insisted predict predicts predicted announce announced ' +
    'express expresses expressed expressing cite cites cited citing invoke invoked promote promoted ' +
    'thank thanked thanking ask asks asked asking').split(' ').concat(
    // Stance and performance verbs, inflected: "pushed his promise of “free college”".
    ('push tout echo decry question bemoan champion embrace invoke repeat coin chant sing read post ' +
      'shout yell mouth quip joke declare stress demand propose reject ridicule attack credit ' +
      'downplay name term welcome applaud brag boast mourn pray plead beg vow cheer chide scold ' +
      'lambast ridicule taunt tease warn highlight emphasize reference quote paraphrase').split(' ').flatMap(verbForms),
  ),
);
/** "views/sees X as Y": a stance report without quote marks. */
export const VIEW_VERBS = new Set('views view viewed sees see saw regards regard regarded considers consider considered'.split(' '));
/** Verbs that take a quoted object with "as" ("described … as"). */
export const AS_VERBS = new Set('described describes describe called calls call labeled labelled dubbed termed branded characterized characterised views view viewed sees saw see'.split(' '));

/** Phrasal verbs of replying or continuing to speak ("shot back", "went on", "chimed in"). */
export const PHRASAL_SPEECH = /^(?:shot|fired|hit|pushed|wrote|snapped|fought) back$|^(?:went|pressed|carried) on$|^(?:chimed|cut|jumped|weighed) in$/;

export const NON_SOURCE_HEADS = new Set(
  ('time past evening morning night afternoon week month year day weekend today yesterday tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday there here already also now then state ' +
    'moment moments words release point era decade period end start beginning way').split(' '),
);
export const FUNCTION_WORDS = new Set(
  ('of in on at for with as after before during since until while although though because when if but and ' +
    'or so yet wait that this these those there here what which who how why where whether than then also ' +
    'already just only even still however meanwhile instead indeed').split(' '),
);
export const SOURCE_STARTERS = /^(the|a|an|his|her|their|its|our|my|one|another|some|many|most|several|both|two|three|four|five|he|she|they|we|i|it)$/;

/** Sentence-start words that open an introductory phrase rather than the subject. */
export const INTRO = /^(when|after|before|while|although|though|as|if|since|in|on|at|during|for|with|without|despite|amid|last|earlier|later|then|now|meanwhile|still|yet|but|and|so|also|however|asked|speaking|according|instead|because|once|until|unlike|like|under|over|from|by)$/i;
export const SUBJ_MODIFIERS = /^(former|current|top|senior|chief|deputy|vice|longtime|democratic|republican|presidential|state|federal|local|campaign|party|band|group|team|staff|white|house|press|national|security|foreign|special|the|a|an)$/i;

/**
 * Verbs whose object is what a person wants, plans, demands or holds, without "that" or quote
 * marks: "Trump called for a ban", "Clinton wants to triple AmeriCorps", "the NAACP criticized
 * the plan". PolNeAR annotates these as attributions (beliefs, plans, stances).
 */
export const OBJECT_VERBS = new Set(
  ['call for', 'called for', 'calls for', 'calling for'].map((x) => x.split(' ')[0] as string).concat(
    ('want wants wanted plans planned agree agrees agreed criticizes criticized criticises criticised ' +
      'cited attacked announced urged pledged vowed declined refused proposes proposed ' +
      'demanded accused blamed rejected endorsed opposes opposed favors favored condemned ' +
      'denied hopes hoped intends intended citing urging saying ' +
      // Support, praise and opposition with a noun-phrase object ("Christie endorsed Trump").
      // ("support", "backed" and "favor" are as often nouns or descriptions: measured on train, left out).
      'endorses supported praised praises defended defends sought welcomed welcomes applauded ' +
      'questioned questions opposed oppose prefer prefers ' +
      'slammed blasted denounced decried mocked touted ' +
      // Voicing a feeling or an offer ("expressed concern that …", "offered no proof"), talking
      // about a topic ("spoke about the museum"), and ", referring to …" after a statement.
      'expressed expresses voiced offered talked spoke referring ' +
      // Events read as stances: a vote, backing ("Clinton backed the deal", "voted against …").
      'supports backs backed voted votes supporting backing opposing endorsing ' +
      // Talking about a topic and railing against one ("discussed the plan", "railed against trade deals").
      'discussed discusses talks railed rails').split(' '),
  ),
);
export const OBJECT_ONLY_WITH = new Map<string, RegExp>([
  ['call', /^(for|on|upon)$/],
  ['calls', /^(for|on|upon)$/],
  ['called', /^(for|on|upon)$/],
  ['calling', /^(for|on|upon)$/],
  ['plan', /^(to)$/],
  ['plans', /^(to)$/],
  ['planned', /^(to)$/],
  ['decline', /^(to)$/],
  ['declines', /^(to)$/],
  ['declined', /^(to)$/],
  ['refuse', /^(to)$/],
  ['refuses', /^(to)$/],
  ['refused', /^(to)$/],
  ['hope', /^(to)$/],
  ['hopes', /^(to)$/],
  ['hoped', /^(to)$/],
  ['intend', /^(to)$/],
  ['intends', /^(to)$/],
  ['intended', /^(to)$/],
  ['talked', /^(about|of)$/],
  ['spoke', /^(about|of)$/],
  ['referring', /^(to)$/],
  ['voted', /^(for|against|to)$/],
  ['talks', /^(about|of)$/],
  ['railed', /^(against|at)$/],
  ['rails', /^(against|at)$/],
  ['votes', /^(for|against|to)$/],
]);

