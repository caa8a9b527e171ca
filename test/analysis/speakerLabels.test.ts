/**
 * What a quotation's speaker reads as when the source words are no name: a contraction is its
 * pronoun ("he’d" → "he", resolved like "he"), a word with a possessive is no verb of saying ("the
 * island state’s premier", not a source "the island"), and a description the text ties to a name
 * by apposition ("his aunt, Mara Lind,") is that person. Articles written for this test; each case
 * fails with its rule removed.
 */
import { describe, expect, it } from 'vitest';
import { attributeArticle as run } from './attributeArticle';

describe('a contraction as the source', () => {
  it('is resolved like its pronoun', () => {
    const a = run(['Tomas Berg wrote six novels in ten years.', 'When critics asked him to explain a plot, he’d reply, “I never explain.”']);
    const st = a.covering('I never explain');
    expect(a.who(st)).toBe('Tomas Berg');
    expect(st.source?.text).toBe('he');
  });

  it('keeps only the pronoun as its label when nobody fits', () => {
    const a = run(['The harbour closed in May.', 'When asked, he’d reply, “I never explain.”']);
    const st = a.covering('I never explain');
    expect(a.who(st)).toBeNull();
    expect(st.sourceLabel).toBe('he');
  });
});

describe('a word with a possessive', () => {
  it('is a noun, never the verb of a report', () => {
    const a = run(['The neighbours protested on Monday, while the island state’s premier praised the “historic” deal.']);
    const sources = a.result.statements.map((s) => s.source?.text);
    expect(sources).not.toContain('the island');
    expect(a.covering('historic').source?.text).toBe('the island state’s premier');
  });
});

describe('a description with a name in apposition', () => {
  it('is the person the name gives', () => {
    const a = run(['Piet Lind was born in 1950 in a river town.', 'According to his aunt, Mara Lind, “He was reading at four and arguing at five.”']);
    expect(a.who(a.covering('He was reading at four'))).toBe('Mara Lind');
  });

  it('is the person after an inverted tag too', () => {
    const a = run(['The ferry will stop in May.', '“We will fight it,” said the union leader, Ilse Varga, on Monday.']);
    expect(a.who(a.covering('We will fight it'))).toBe('Ilse Varga');
  });

  it('needs the name right after the comma, not a list', () => {
    const a = run(['Piet Lind was born in 1950.', 'According to his aunt, Mara Lind and two cousins, “He was reading at four.”']);
    expect(a.who(a.covering('He was reading at four'))).toBeNull();
  });

  it('does not make a relative the one a shared surname means later', () => {
    const a = run([
      'Peter Voss, 44, was sentenced on Thursday for stealing the letters.',
      'Voss said he had taken about 100 of them.',
      '“We need him at home,” his wife, Ana Voss, wrote in a letter to the court.',
      'A trained baker, Voss told agents that he acted alone.',
    ]);
    expect(a.who(a.covering('We need him at home'))).toBe('Ana Voss');
    expect(a.who(a.covering('he acted alone'))).not.toBe('Ana Voss');
  });
});

describe('a document as the source', () => {
  it('speaks for the organisation the text says wrote it', () => {
    const a = run(['Harbour shares rose again on Friday.', '"Traders expect the port to reopen by June," said a report from Nordvik Capital Partners. A second note agreed.']);
    expect(a.covering('Traders expect the port').sourceLabel).toBe('Nordvik Capital Partners');
  });

  it('speaks for the person it is from, named there for the first time', () => {
    const a = run(['The harbour clinic asked for vaccines in May.', '“We write with urgency,” said a letter from Ilse Varga, the clinic director.']);
    expect(a.who(a.covering('We write with urgency'))).toBe('Ilse Varga');
  });

  it('is labelled by its signers when they are not named', () => {
    const a = run(['The clinic asked for vaccines in May.', '“We write with urgency,” says the letter signed by seven nurses.']);
    const st = a.covering('We write with urgency');
    expect(a.who(st)).toBeNull();
    expect(st.sourceLabel).toBe('seven nurses');
  });

  it('is not the releaser’s when a name before the noun says whose it is', () => {
    const a = run(['Harbour shares rose on Friday.', 'Most dockers back the plan, according to a Harbour Watch report released by the city council.']);
    expect(a.covering('Most dockers back the plan').sourceLabel).toBe('a Harbour Watch report released by the city council');
  });

  it('keeps its own label when the words after "by" run on past the author', () => {
    const a = run(['Harbour shares rose on Friday.', 'A survey by the union in March found that most dockers back the plan.']);
    expect(a.covering('most dockers back the plan').sourceLabel).toBe('a survey by the union in March');
  });
});

describe('roles joined by "and" before a name', () => {
  it('describe the one person named at the end, even after a capitalised modifier', () => {
    const a = run(['The probe reached the moon on Monday.', '"The ice is thinner than we thought," NASA geologist and mission co-lead Mira Holt said.']);
    expect(a.who(a.covering('The ice is thinner'))).toBe('Mira Holt');
  });

  it('are two people when a name stands alone before "and"', () => {
    const a = run(['Tomas Berg toured the dock on Monday.', '"We will fight it," Berg and campaign manager Ana Lind said.']);
    expect(a.who(a.covering('We will fight it'))).not.toBe('Ana Lind');
  });
});

describe('a plural description the text makes members of a group', () => {
  const article = [
    'The nurses, members of a new group Nurses for Clean Water, offered to test every well in the valley.',
    '"Clean water cannot wait"',
    'The county has not answered.',
    '"The wells are failing and clean water cannot wait," the nurses stated.',
    '"We have seen the rashes," the midwives added.',
  ];

  it('is the group', () => {
    const a = run(article);
    expect(a.covering('The wells are failing').sourceLabel).toBe('Nurses for Clean Water');
  });

  it('is only the same words: another plural stays a description', () => {
    const a = run(article);
    expect(a.covering('We have seen the rashes').sourceLabel).toBe('the midwives');
  });

  it('lends the group to a heading that repeats its words', () => {
    const a = run(article);
    const heading = a.result.statements.find((s) => a.body.slice(s.content.start, s.content.end) === '"Clean water cannot wait"');
    expect(heading?.sourceLabel).toBe('Nurses for Clean Water');
  });
});

describe('"as X put it" and "was how X described it"', () => {
  const article = [
    'Tomas Berg wrote six novels.',
    'As Ilse Varga put it, “Had he kept at one world, he would have been famous.”',
    '“The council has decided that we should marry,” was how Berg described it to friends.',
  ];

  it('credit the quotation after "as X put it" to X', () => {
    const a = run(article);
    expect(a.who(a.covering('Had he kept at one world'))).toBe('Ilse Varga');
  });

  it('credit the quotation before "was how X described it" to X', () => {
    const a = run(article);
    expect(a.who(a.covering('The council has decided'))).toBe('Tomas Berg');
  });
});

describe('a heading after a line that names nobody', () => {
  it('takes the speaker of the quotation it repeats', () => {
    const a = run([
      'Ana Lind testified for six hours on Tuesday.',
      'Here are some of the highlights:',
      '"The harbour was never safe"',
      'Lind told the committee, "I warned them in March. The harbour was never safe."',
    ]);
    const heading = a.result.statements.find((s) => a.body.slice(s.content.start, s.content.end) === '"The harbour was never safe"');
    expect(heading && a.who(heading)).toBe('Ana Lind');
  });
});

describe('a named lead "and her team"', () => {
  it('is the lead’s statement', () => {
    const a = run(['Planetary scientist Mira Holt led the study of the moon.', '"We suggest that the plumes are rare," Holt and her team wrote in the paper.']);
    expect(a.who(a.covering('We suggest that the plumes are rare'))).toBe('Mira Holt');
  });
});

describe('", adding “…”" after a quotation that ends in a comma', () => {
  it('is the same speaker’s next quotation', () => {
    const a = run(['Governor Ana Lind spoke on Monday.', 'Lind later wrote that the drought “needs to be a dinner table conversation,” adding “we need everyone on it.”']);
    expect(a.who(a.covering('we need everyone on it'))).toBe('Ana Lind');
  });
});

describe('a quotation after the speaker’s sentence goes on with a second predicate', () => {
  it('is still that speaker’s', () => {
    const a = run(['Editor Ana Lind knew him for years.', '“He could have sold more,” Lind said, “if he had been more careful” and stuck to one genre. “But Piet wanted to write what he wanted.”']);
    expect(a.who(a.covering('But Piet wanted to write'))).toBe('Ana Lind');
  });

  it('is nobody’s when the sentence goes on with another subject', () => {
    const a = run(['Editor Ana Lind knew him for years.', '“He could have sold more,” Lind said, “if he had been more careful” and the publisher agreed. “But Piet wanted to write what he wanted.”']);
    expect(a.who(a.covering('But Piet wanted to write'))).toBeNull();
  });
});

describe('"begged" and "implored"', () => {
  it('report what the subject asked for, as "urged" does', () => {
    const a = run(['Tomas Berg testified for six hours.', 'He begged lawmakers “not to lose sight of” the harbour.', 'Ana Lind spoke next.', 'She implored the council “to reopen the gate before winter.”']);
    expect(a.who(a.covering('not to lose sight of'))).toBe('Tomas Berg');
    expect(a.who(a.covering('to reopen the gate'))).toBe('Ana Lind');
  });
});
