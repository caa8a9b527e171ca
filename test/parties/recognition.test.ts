import { describe, expect, it } from 'vitest';
import { PartyRegistry } from '../../src/parties/registry';
import { parsePartyOverrides } from '../../src/parties/overrides';
import { partyInPhrase } from '../../src/parties/people';

const registry = new PartyRegistry();
const found = (text: string) => registry.matcher.find(text).map((m) => `${m.text}:${m.partyId}${m.locative ? ':place' : ''}`);

describe('party names in text', () => {
  it('come from the country data: names, codes, capitals and demonyms', () => {
    expect(found('The United States, the U.S., America and American officials')).toEqual([
      'The United States:usa',
      'U.S.:usa',
      'America:usa',
      'American:usa',
    ]);
    expect(found('Seoul and South Korean diplomats; Pyongyang and North Korean troops')).toEqual([
      'Seoul:kor',
      'South Korean:kor',
      'Pyongyang:prk',
      'North Korean:prk',
    ]);
    expect(found('The Kremlin and Downing Street replied, as did the White House.')).toEqual([
      'The Kremlin:rus',
      'Downing Street:gbr',
      'the White House:usa',
    ]);
  });

  it('tell the country US from the pronoun us by case', () => {
    expect(found('Let us hope the US agrees.')).toEqual(['US:usa']);
  });

  it('are not read inside a longer name (George Washington, the Washington Post, Michael Jordan, Latin America)', () => {
    expect(found('George Washington read the Washington Post.')).toEqual([]);
    expect(found('Michael Jordan met Chad Smith in Latin America.')).toEqual([]);
    expect(found('She lives in Washington state.')).toEqual([]);
  });

  it('do not treat Korea alone as either Korea, and longest names win (South Korea, UN Command)', () => {
    expect(found('Korea and the Korean War')).toEqual([]);
    expect(found('the US-led UN Command and the UN')).toEqual(['US:usa', 'UN Command:unc', 'UN:un']);
  });

  it('mark a capital used as a place, not as its government', () => {
    expect(found('They met in Washington after the Hanoi summit; Washington said no.')).toEqual([
      'Washington:usa:place',
      'Hanoi:vnm:place',
      'Washington:usa',
    ]);
    expect(found('sign on to Seoul’s proposal')).toEqual(['Seoul:kor']);
  });

  it('read "the North" only when parties.yaml makes it a context word', () => {
    expect(found('the North wants talks')).toEqual([]);
    const withContext = new PartyRegistry(parsePartyOverrides('parties:\n  - party: North Korea\n    context: [the North]\n').overrides);
    expect(withContext.matcher.find('The North wants talks').map((m) => m.partyId)).toEqual(['prk']);
  });
});

describe('a person’s party from their role or affiliation', () => {
  it('is the country that qualifies them, not the one their job is about', () => {
    expect(partyInPhrase(registry, 'US national security adviser')).toBe('usa');
    expect(partyInPhrase(registry, 'US special envoy for North Korea')).toBe('usa');
    expect(partyInPhrase(registry, 'his South Korean counterpart')).toBe('kor');
    expect(partyInPhrase(registry, 'special envoy to China')).toBeUndefined();
  });
});

describe('user input', () => {
  it('normalises names, codes, capitals and spellings to one party', () => {
    for (const input of ['us', 'U.S.', 'Washington', 'united states', 'the United States', 'USA', 'America']) {
      expect(registry.lookup(input)?.id, input).toBe('usa');
    }
    expect(registry.lookup('seoul')?.id).toBe('kor');
    expect(registry.lookup('pyongyang')?.id).toBe('prk');
  });
});
