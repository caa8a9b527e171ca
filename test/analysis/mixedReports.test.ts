import { describe, expect, it } from 'vitest';
import { attributeArticle } from './attributeArticle';

// Small invented articles; `run` attributes one and answers who said what.
const run = attributeArticle;

describe('mixed reports', () => {
  it('finds the subject before an appositive that itself contains a comma', () => {
    const { covering, who } = run(['Lena Ortiz, a retired teacher from Dayton, Ohio, says the mayor will \u201Cregret this vote.\u201D']);
    expect(who(covering('regret this vote'))).toBe('Lena Ortiz');
  });

  it('finds the subject when a time adverbial sits between the appositive and the verb', () => {
    const { covering, who } = run(['Governor Paul Brandt, the state\u2019s top official, on Monday called the audit \u201Ca witch hunt.\u201D']);
    expect(who(covering('a witch hunt'))).toBe('Paul Brandt');
  });

  it('does not let a title abbreviation in the object hide a partial quote', () => {
    const { covering, who } = run(['Ms. Ferrante called Mrs. Okafor a \u201Cdangerous radical.\u201D Then the meeting ended.']);
    expect(who(covering('dangerous radical'))).toBe('Ferrante');
  });

  it('ends a mixed report at a quote closed by its own comma before a participle', () => {
    const { covering, body } = run(['Senator Ruth Kaplan said the bill was \u201Cdead on arrival,\u201D echoing several colleagues who had opposed it for months.']);
    const st = covering('dead on arrival');
    expect(st.content.end).toBeLessThan(body.indexOf('echoing'));
  });

  it('runs on past a partial quote followed by a relative clause ("the “measures” she had been using were …")', () => {
    const { covering, who, body } = run(['Treasurer Ana Ruiz said the \u201Cextraordinary measures\u201D she had been using to raise cash were no longer enough.']);
    const st = covering('extraordinary measures');
    expect(who(st)).toBe('Ana Ruiz');
    expect(st.content.end).toBeGreaterThan(body.indexOf('no longer enough'));
  });
});

describe('nested reports and sentence ends', () => {
  it('keeps "says he believes …" as one report of the outer speaker', () => {
    const { result, covering, who } = run(['Mayor Alan Brooks says he believes the new tram line will be \u201Ca game changer\u201D for the east side.']);
    const st = covering('he believes the new tram');
    expect(who(st)).toBe('Alan Brooks');
    expect(result.statements.filter((s) => s.kind === 'direct')).toHaveLength(1);
  });

  it('ends a sentence after "U.S." when a pronoun opens the next one', () => {
    const { covering, who, body } = run(['Jon Pratt says imports keep rising in the U.S. He says farmers need \u201Creal relief now.\u201D']);
    const st = covering('real relief now');
    expect(st.content.start).toBeGreaterThan(body.indexOf('He says'));
    expect(who(st)).toBe('Jon Pratt');
  });

  it('gives a participle report to the sentence subject, not to a later object name', () => {
    const { covering, who } = run([
      'Carla Mendes said the fair was a success.',
      'Mendes, the county clerk, criticized Governor Dale Ruiz, who skipped the fair, calling him \u201Ca no-show.\u201D',
    ]);
    expect(who(covering('a no-show'))).toBe('Carla Mendes');
  });

  it('treats a one-word capitalised reply tagged with a pronoun as speech', () => {
    const { covering, who } = run(['Asked which team would win, Senator Mia Ross did not hesitate. \u201CDenver,\u201D she answered.']);
    expect(who(covering('Denver'))).toBe('Mia Ross');
  });

  it('keeps a verb nested inside a report as part of that report', () => {
    const { result, covering, who } = run(['Senator Eva Lind said she is certain the committee will continue to be \u201Ca check on power.\u201D']);
    expect(who(covering('the committee will continue'))).toBe('Eva Lind');
    expect(result.statements.filter((s) => s.kind === 'direct')).toHaveLength(1);
  });

  it('gives a comma-spliced quote of another speaker to that speaker, not to the outer report', () => {
    const { covering, who, body } = run(['When Mayor Tim Oakes said it was good to be home, a man yelled \u201CStay there!\u201D']);
    const st = covering('Stay there!');
    expect(who(st)).toBeNull();
    expect(st.sourceLabel).toBe('a man');
    const outer = covering('it was good to be home');
    expect(outer.content.end).toBeLessThan(body.indexOf('a man'));
  });

  it('ends a stance-verb report at a coordinated new predicate after the quote', () => {
    const { covering, body } = run(['Councilwoman Rosa Kim called the budget \u201Ca fantasy\u201D and asked the mayor to start over.']);
    const st = covering('a fantasy');
    expect(st.content.end).toBeLessThanOrEqual(body.indexOf(' and asked'));
  });

  it('gives a relative-clause report to the person the relative pronoun refers to', () => {
    const { covering, who, result } = run(['Jill Baker ran the campaign. The rally drew praise from Jill Baker, who called it \u201Ca triumph of organizing.\u201D']);
    const st = covering('a triumph of organizing');
    expect(who(st)).toBe('Jill Baker');
    expect(st.source?.text).toBe('who');
    expect(result.speakers.map((s) => s.name)).toContain('Jill Baker');
  });

  it('attributes an inverted report whose speaker has a closing appositive', () => {
    const { covering, who } = run(['The council should start \u201Cbuilding bridges\u201D with the unions, said Nora Quinn, a labor lawyer in Toledo. Talks resume Monday.']);
    expect(who(covering('building bridges'))).toBe('Nora Quinn');
  });

  it('takes the name from an appositive that names a described source', () => {
    const { covering, who } = run(['Another member of the board, Victor Hale, said he was only \u201Cleaning yes.\u201D']);
    expect(who(covering('leaning yes'))).toBe('Victor Hale');
  });

  it('credits a quote followed by a dash and a name to that person', () => {
    const { covering, who } = run([
      'We asked readers what worries them most.',
      '\u201DHonestly, the rent. It keeps going up every year.\u201D \u2015 Dana Whitfield.',
      '\u201CWe need a council that listens.\u201D \u2014 Tom Reyes, a teacher in Phoenix',
    ]);
    expect(who(covering('the rent'))).toBe('Dana Whitfield');
    expect(who(covering('a council that listens'))).toBe('Tom Reyes');
  });

  it('splits a quote introduced by "adding" after a tag into its own statement of the same speaker', () => {
    const { result, covering, who } = run(['Senator Ann Cole spoke on Monday. \u201CWe can\u2019t afford this,\u201D Cole said, adding later, \u201CThe program costs a fortune.\u201D']);
    const first = covering('afford this');
    const second = covering('costs a fortune');
    expect(first).not.toBe(second);
    expect(who(second)).toBe('Ann Cole');
    expect(second.cue?.text).toBe('adding');
    expect(result.statements.filter((s) => s.kind === 'direct')).toHaveLength(2);
  });

  it('reads a headline "Name: \u2018Quote.\u2019" as a direct quote of that name', () => {
    const { covering } = run(['Mayor Lee: \u2018We Will Not Close The Library.\u2019 On Monday the mayor met with parents in the town hall.']);
    const st = covering('We Will Not Close');
    expect(st.kind).toBe('direct');
    expect(st.source?.text).toBe('Mayor Lee');
  });

  it('keeps a later pronoun report ending a report as part of it only when no other name intervenes', () => {
    const own = run(['Governor Ada Park says she hopes to win, but she knows that \u201Cvoters decide.\u201D']);
    expect(own.who(own.covering('she hopes to win'))).toBe('Ada Park');
    expect(own.result.statements.filter((s) => s.kind === 'direct')).toHaveLength(1);
    // With another person named in between, "she" may be that person: the inner report stays separate.
    const other = run(['Governor Ada Park says she met Lena Cho, and she said that \u201Cthe plan is dead.\u201D']);
    const inner = other.result.statements.find((s) => s.cue?.text === 'said')!;
    expect(other.body.slice(inner.content.start, inner.content.end)).toBe('that \u201Cthe plan is dead.\u201D');
    // Both "she" are the sentence's subject, the governor (the engine prefers a speaker and subject).
    expect(other.who(inner)).toBe('Ada Park');
    // The outer report ends where the second report, with its own subject, begins (", and she said").
    expect(other.result.statements.map((s) => [s.kind, s.cue?.text, other.who(s), other.body.slice(s.content.start, s.content.end)])).toEqual([
      ['indirect', 'says', 'Ada Park', 'she met Lena Cho'],
      ['direct', 'said', 'Ada Park', 'that \u201Cthe plan is dead.\u201D'],
    ]);
  });

  it('continues a quote through a tag that names a show in quotes', () => {
    const { covering, who, result } = run(['Senator Rita Mohr spoke on Sunday. \u201CWe will release the records,\u201D Mohr told CNN\u2019s \u201CState of the Union\u201D on Sunday. \u201CI am very healthy.\u201D']);
    const st = covering('We will release');
    expect(who(st)).toBe('Rita Mohr');
    expect(covering('I am very healthy')).toBe(st);
    expect(result.statements.some((s) => s.kind === 'direct' && s.sourceLabel === 'unattributed')).toBe(false);
  });

  it('attributes quotes introduced by phrasal verbs of replying and by "telling them,"', () => {
    const a = run(['When Mayor Jo Lund criticized the plan, Senator Ray Ito shot back, \u201CThe plan is fine.\u201D']);
    expect(a.who(a.covering('The plan is fine'))).toBe('Ray Ito');
    const b = run(['Senator Amy Tran spoke. \u201CIs that fair?\u201D Tran went on, ignoring the question. \u201CI think not.\u201D']);
    expect(b.who(b.covering('Is that fair'))).toBe('Amy Tran');
    const c = run(['Nora Bell, the campaign manager, emailed supporters on Monday, telling them, \u201CWe are going to win.\u201D']);
    expect(c.who(c.covering('We are going to win'))).toBe('Nora Bell');
  });

  it('does not hand a participle quote to the speaker of the previous sentence or to a place', () => {
    const a = run([
      'Activist Erin Cole spoke first. \u201CThis is a national crisis,\u201D Cole said in a statement. Mayor Karen Weld did not seem impressed, telling reporters, \u201CA lot of people said that.\u201D',
    ]);
    expect(a.who(a.covering('A lot of people said that'))).toBe('Karen Weld');
    const b = run(['Senator Hana Cruz seemed ready to joke about the incident in Iowa, telling the crowd, \u201CSome people get carried away.\u201D']);
    const st = b.covering('Some people get carried away');
    expect(st.sourceLabel).not.toBe('Iowa');
    expect(b.who(st)).toBe('Hana Cruz');
  });

  it('skips a party-state parenthetical and a place closing an intro phrase when finding the speaker', () => {
    const a = run(['Sen. Maria Duval (D-MA) said the bill was a \u201Cproven failure\u201D in every state.']);
    expect(a.who(a.covering('proven failure'))).toBe('Maria Duval');
    const b = run(['Governor Tom Akers spoke first. Speaking at a town hall in Salem, New Hampshire, Akers went after his rival, calling him \u201Ca total stiff.\u201D']);
    const st = b.covering('a total stiff');
    expect(st.sourceLabel).not.toBe('New Hampshire');
    expect(b.who(st)).toBe('Tom Akers');
  });

  it('never labels a quote with a lone function word as its source', () => {
    const { result } = run(['Of course, the debate was long. Wait, it gets better: \u201CWe are the greatest team in the history of the sport, and everyone knows it.\u201D']);
    expect(result.statements.map((st) => [st.kind, st.sourceLabel, st.speakerId])).toEqual([['direct', 'unattributed', null]]);
  });
});
