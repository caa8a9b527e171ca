/**
 * Links the people an article quotes to parties, only where the text supports it: their stated
 * affiliation ("US", "South Korean"), the country in their role ("US national security adviser";
 * not the one after "for"/"to": an "envoy for North Korea" is not North Korean), a `members` entry
 * in parties.yaml, or, for an office named without a country ("President Moon Jae-in"), the
 * article's home country from its dateline or parties.yaml.
 */
import type { Speaker } from '../analysis/types';
import { personKey } from '../text/names';
import type { PartyRegistry } from './registry';

/** A country after one of these words is the portfolio or destination, not the person's own. */
const NOT_OWN_BEFORE = /\b(for|to|on|with|toward|towards|against|about|in|at|from|into|over|vis-à-vis)\s+(the\s+)?$/i;

/** Offices that, named without a country, belong to the country the story is reported from. */
const HOME_OFFICE =
  /^(?:the\s+)?(?:(?:former|acting|interim|deputy)\s+)?(?:president|prime minister|premier|chancellor|king|queen|emperor|foreign minister|defen[cs]e minister|finance minister|unification minister|minister|presidential spokesperson|presidential spokesman|presidential spokeswoman|government spokesperson|government spokesman|government spokeswoman|presidential office|government)\b/i;

/** The party a phrase attributes to its subject: its first country not governed by a preposition. */
export function partyInPhrase(registry: PartyRegistry, phrase: string): string | undefined {
  for (const m of registry.matcher.find(phrase)) {
    if (m.kind === 'context') continue;
    if (NOT_OWN_BEFORE.test(phrase.slice(0, m.start))) continue;
    return m.partyId;
  }
  return undefined;
}

/** The party a speaker belongs to, if the article or the knowledge settings say so. */
export function speakerParty(registry: PartyRegistry, speaker: Speaker, homeParty: string | undefined): string | undefined {
  const member = registry.members.get(personKey(speaker.name));
  if (member) return member;
  if (speaker.affiliation) {
    const p = partyInPhrase(registry, speaker.affiliation) ?? registry.lookup(speaker.affiliation)?.id;
    if (p) return p;
  }
  if (speaker.role) {
    const p = partyInPhrase(registry, speaker.role);
    if (p) return p;
  }
  // Only when the affiliation is unknown: a think-tank chairman who once advised the president
  // is not thereby the government. The office may have stayed in the name ("Foreign Minister
  // Karim Nabil") when the engine found no separate role.
  const office = speaker.role ?? speaker.name;
  if (!speaker.affiliation && homeParty && HOME_OFFICE.test(office.trim())) return homeParty;
  return undefined;
}
