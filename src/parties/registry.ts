/**
 * The parties known to one knowledge set: the generic gazetteer plus `parties.yaml`. Gives the
 * text matcher and resolves what a user types to a party.
 */
import type { LoadProblem } from '../core/loadProblem';
import { baseGazetteer, type Gazetteer } from './gazetteer';
import { PartyMatcher } from './matcher';
import { partyKey } from './normalize';
import { PARTIES_FILE, NO_OVERRIDES, type PartyOverrides } from './overrides';
import type { Alias, Party } from './types';
import { personKey } from '../text/names';
import { slug } from '../text/slug';

export class PartyRegistry {
  readonly parties = new Map<string, Party>();
  readonly aliases: Alias[];
  readonly matcher: PartyMatcher;
  /** Entries of `parties.yaml` that could not be applied. */
  readonly problems: LoadProblem[] = [];
  /** Normalised person name → party id, from `members`. */
  readonly members = new Map<string, string>();
  /** Article id → home party id. */
  readonly homes = new Map<string, string>();
  private readonly keys = new Map<string, Set<string>>();
  /** Normalised written alias (no context words, no codes) → party ids; built on first use. */
  private written: Map<string, Set<string>> | undefined;
  /** Party id → its keys (see `keysByParty`). */
  private byParty: Map<string, string[]> | undefined;

  private static plain: PartyRegistry | undefined;

  /**
   * The registry without `parties.yaml`, built once and shared: every server library's base uses
   * it, and building it (the whole gazetteer's keys and matcher) took a few ms per server load.
   * Nothing changes a registry once built, so sharing it is safe.
   */
  static withoutOverrides(): PartyRegistry {
    return (PartyRegistry.plain ??= new PartyRegistry());
  }

  constructor(overrides: PartyOverrides = NO_OVERRIDES, gazetteer: Gazetteer = baseGazetteer()) {
    for (const p of gazetteer.parties) this.parties.set(p.id, { ...p });
    const aliases = [...gazetteer.aliases];
    for (const a of aliases) this.addKey(a.text, a.partyId);
    for (const p of this.parties.values()) {
      this.addKey(p.name, p.id);
      for (const c of p.codes) this.addKey(c, p.id);
    }
    overrides.parties.forEach((entry, i) => {
      let party: Party | undefined;
      if (entry.type) {
        const id = uniqueId(entry.party, this.parties);
        party = { id, name: entry.display ?? entry.party, type: entry.type, codes: [] };
        this.parties.set(id, party);
        aliases.push({ text: entry.party, partyId: id, kind: 'name' });
        this.addKey(entry.party, id);
      } else {
        party = this.lookup(entry.party);
        if (!party) {
          this.problems.push({
            file: PARTIES_FILE,
            problem: `parties entry ${i + 1} ("${entry.party}"): unknown party; give "type" to define a new one`,
          });
          return;
        }
      }
      const id = party.id;
      if (entry.display) {
        party.name = entry.display;
        this.addKey(entry.display, id);
      }
      for (const a of entry.aliases) {
        aliases.push({ text: a, partyId: id, kind: 'name' });
        this.addKey(a, id);
      }
      for (const c of entry.context) {
        aliases.push({ text: c, partyId: id, kind: 'context' });
        this.addKey(c, id);
      }
      for (const m of entry.members) this.members.set(personKey(m), id);
    });
    for (const [articleId, settings] of Object.entries(overrides.articles)) {
      if (!settings.home) continue;
      const home = this.lookup(settings.home);
      if (home) this.homes.set(articleId, home.id);
      else this.problems.push({ file: PARTIES_FILE, problem: `articles entry "${articleId}": unknown home party "${settings.home}"` });
    }
    this.aliases = aliases;
    this.matcher = new PartyMatcher(aliases);
  }

  /** Every party a typed name could mean (exact after normalisation). */
  candidates(input: string): Party[] {
    const ids = this.keys.get(partyKey(input));
    return ids ? [...ids].map((id) => this.parties.get(id)!) : [];
  }

  /** The one party a name means, if exactly one. */
  lookup(input: string): Party | undefined {
    const c = this.candidates(input);
    return c.length === 1 ? c[0] : undefined;
  }

  /**
   * The party a phrase names as written in articles, ignoring case ("north korea", "washington"),
   * but never through a context word ("the north") or a bare code ("us"): for free text such as
   * questions, where those are ordinary words.
   */
  lookupWritten(phrase: string): Party | undefined {
    if (!this.written) {
      // Normalised once: questions ask for every 1–3 word run they contain.
      this.written = new Map();
      for (const a of this.aliases) {
        if (a.kind === 'context' || a.kind === 'code') continue;
        const k = partyKey(a.text);
        const ids = this.written.get(k) ?? new Set<string>();
        ids.add(a.partyId);
        this.written.set(k, ids);
      }
    }
    const hits = this.written.get(partyKey(phrase));
    if (!hits || hits.size !== 1) return undefined;
    return this.parties.get([...hits][0]!);
  }

  /** Normalised keys that name a party, for typo-tolerant lookups. */
  keysOf(partyId: string): string[] {
    return this.keysByParty().get(partyId) ?? [];
  }

  /** Party id → its normalised keys, gathered in one pass over the keys on first use. */
  private keysByParty(): Map<string, string[]> {
    if (!this.byParty) {
      this.byParty = new Map();
      for (const [k, ids] of this.keys) {
        for (const id of ids) {
          const list = this.byParty.get(id);
          if (list) list.push(k);
          else this.byParty.set(id, [k]);
        }
      }
    }
    return this.byParty;
  }

  private addKey(text: string, id: string): void {
    const k = partyKey(text);
    if (!k) return;
    const ids = this.keys.get(k) ?? new Set<string>();
    ids.add(id);
    this.keys.set(k, ids);
  }
}

function uniqueId(name: string, taken: Map<string, Party>): string {
  const base = slug(name) || 'party';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
