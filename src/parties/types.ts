/**
 * Parties: countries, governments, organisations and camps whose positions the articles report.
 * Plain data shared by the gazetteer, the text matcher, the people linker and `/position`.
 */

/** How an alias names its party; decides how strictly it is matched. */
export type AliasKind =
  /** Full or common name: "United States", "South Korea". */
  | 'name'
  /** Short all-caps code or dotted abbreviation: "US", "U.S.", "DPRK"; matched case-sensitively. */
  | 'code'
  /** Capital used as a stand-in: "Washington", "Seoul"; a place after "in"/"the" is not the party. */
  | 'capital'
  /** Adjective or inhabitant: "American", "South Korean". */
  | 'demonym'
  /** Seat of government used for the government: "the White House", "the Kremlin". */
  | 'metonym'
  /** Phrase that means the party only in an article already about it: "the North", "the regime". */
  | 'context';

export interface Alias {
  /** Surface form as written in text. */
  text: string;
  partyId: string;
  kind: AliasKind;
  /**
   * The form is also a common person name, place elsewhere or word ("Jordan", "Chad", "Georgia",
   * "Washington"): it needs another mention of the party in the same article and must not be part
   * of a longer capitalised name ("Michael Jordan", "Washington Post").
   */
  ambiguous?: boolean;
}

export interface Party {
  /** Stable id: lower-case ISO alpha-3 for countries, a short slug for organisations. */
  id: string;
  /** Display name: "United States", "South Korea", "United Nations Command". */
  name: string;
  type: 'country' | 'organisation' | 'camp';
  /** ISO codes for countries (user input may use them). */
  codes: string[];
}

/** One place in a text where a party is named. Offsets are into the text that was scanned. */
export interface PartyMention {
  partyId: string;
  start: number;
  end: number;
  text: string;
  kind: AliasKind;
  /** The alias is an ambiguous name (see `Alias.ambiguous`). */
  ambiguous?: boolean;
  /** The name is used for a place ("met in Washington", "the Hanoi summit"), not for the party acting. */
  locative: boolean;
}
