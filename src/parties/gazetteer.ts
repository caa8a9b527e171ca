/**
 * The base gazetteer: every country from the maintained `world-countries` data (names, codes,
 * capitals, demonyms, alternative spellings), plus common international organisations and the
 * seats of government the data lacks ("the White House", "the Kremlin"). Generic: nothing here is
 * about one article; per-knowledge additions come from `knowledge/parties.yaml`.
 */
import countries from 'world-countries';
import type { Alias, Party } from './types';

/** Capitals are stand-ins for governments only for sovereign states (plus a few disputed ones). */
const CAPITAL_TOO = new Set(['TW', 'XK', 'PS']);

/**
 * Forms that are also common first names, surnames, US states or English words. They still count,
 * but only when the article names the party another way too and they are not inside a longer
 * name ("George Washington", "Jordan Peterson", "Latin America", "New Jersey").
 */
const AMBIGUOUS = new Set([
  'Georgia', 'Jordan', 'Chad', 'Washington', 'Victoria', 'Israel', 'Kingston', 'Male', 'Hamilton',
  'America', 'American', 'Turkey', 'Guinea', 'Niger', 'Jersey', 'Georgian', 'Jordanian', 'Chadian',
  'Cuba', 'Nice', 'Paris', 'Lima', 'Sofia', 'Victoria', 'Stanley', 'Douglas', 'Charlotte Amalie',
  'Santiago', 'San José', 'Colombo', 'Sucre', 'Wellington', 'Canberra', 'Dominica', 'Monaco',
]);

/** Two-letter codes that news prose really uses for a country; other ISO codes are left out. */
const PROSE_CODES: Record<string, string[]> = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.'],
  GB: ['UK', 'U.K.'],
  AE: ['UAE', 'U.A.E.'],
  KP: ['DPRK', 'N. Korea'],
  KR: ['ROK', 'S. Korea'],
  CN: ['PRC'],
};

/** Everyday names the data lacks. */
const EXTRA_NAMES: Record<string, string[]> = {
  US: ['America', 'the United States', 'the States'],
  GB: ['Britain', 'Great Britain'],
  RU: ['Russian Federation'],
  KR: ['Republic of Korea'],
  NL: ['Holland', 'the Netherlands'],
  CZ: ['Czech Republic'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  MM: ['Burma'],
  VA: ['the Vatican', 'Holy See'],
  TW: ['Republic of China'],
};

/** Seats and organs of government used for the government itself. */
const METONYMS: Record<string, string[]> = {
  US: ['the White House', 'the Pentagon', 'the State Department', 'Foggy Bottom', 'Capitol Hill'],
  RU: ['the Kremlin'],
  GB: ['Downing Street', 'Whitehall'],
  FR: ['the Élysée', 'the Elysee', 'the Élysée Palace', 'the Elysee Palace', "the Quai d'Orsay"],
  KR: ['the Blue House', 'Cheong Wa Dae', 'Chongwadae', 'the presidential office in Seoul'],
  CN: ['Zhongnanhai'],
  JP: ['Kasumigaseki'],
  IN: ['South Block'],
  IL: ['the Knesset'],
  DE: ['the Chancellery'],
};

/** Common international organisations and groupings. */
const ORGANISATIONS: Array<{ id: string; name: string; aliases: string[]; codes?: string[] }> = [
  { id: 'un', name: 'United Nations', aliases: ['the United Nations', 'United Nations'], codes: ['UN', 'U.N.'] },
  { id: 'unc', name: 'United Nations Command', aliases: ['United Nations Command', 'UN Command', 'U.N. Command'], codes: ['UNC'] },
  { id: 'unsc', name: 'UN Security Council', aliases: ['UN Security Council', 'U.N. Security Council', 'United Nations Security Council', 'the Security Council'], codes: ['UNSC'] },
  { id: 'eu', name: 'European Union', aliases: ['European Union', 'the European Commission', 'Brussels'], codes: ['EU', 'E.U.'] },
  { id: 'nato', name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'the Atlantic alliance'], codes: ['NATO', 'Nato'] },
  { id: 'asean', name: 'ASEAN', aliases: ['Association of Southeast Asian Nations'], codes: ['ASEAN', 'Asean'] },
  { id: 'au', name: 'African Union', aliases: ['African Union'], codes: [] },
  { id: 'arab-league', name: 'Arab League', aliases: ['Arab League', 'the League of Arab States'], codes: [] },
  { id: 'iaea', name: 'IAEA', aliases: ['International Atomic Energy Agency'], codes: ['IAEA'] },
  { id: 'imf', name: 'IMF', aliases: ['International Monetary Fund'], codes: ['IMF'] },
  { id: 'world-bank', name: 'World Bank', aliases: ['World Bank', 'the World Bank'], codes: [] },
  { id: 'wto', name: 'WTO', aliases: ['World Trade Organization'], codes: ['WTO'] },
  { id: 'who', name: 'World Health Organization', aliases: ['World Health Organization'], codes: ['WHO'] },
  { id: 'opec', name: 'OPEC', aliases: ['Organization of the Petroleum Exporting Countries'], codes: ['OPEC', 'Opec'] },
  { id: 'g7', name: 'G7', aliases: ['Group of Seven'], codes: ['G7', 'G-7'] },
  { id: 'g20', name: 'G20', aliases: ['Group of 20'], codes: ['G20', 'G-20'] },
  { id: 'mercosur', name: 'Mercosur', aliases: ['Mercosur', 'Mercosul'], codes: [] },
  { id: 'osce', name: 'OSCE', aliases: ['Organization for Security and Co-operation in Europe'], codes: ['OSCE'] },
];

export interface Gazetteer {
  parties: Party[];
  aliases: Alias[];
}

/** Builds the generic gazetteer. Pure; the result is cached by `baseGazetteer`. */
export function buildGazetteer(): Gazetteer {
  const parties: Party[] = [];
  const aliases: Alias[] = [];
  const demonymOwners = new Map<string, Array<{ id: string; independent: boolean }>>();
  const add = (partyId: string, text: string, kind: Alias['kind']) => {
    const t = text.trim();
    if (!t) return;
    aliases.push({ text: t, partyId, kind, ...(AMBIGUOUS.has(t) ? { ambiguous: true } : {}) });
  };
  for (const c of countries) {
    const id = c.cca3.toLowerCase();
    parties.push({ id, name: c.name.common, type: 'country', codes: [c.cca2, c.cca3] });
    add(id, c.name.common, 'name');
    if (c.name.official !== c.name.common) add(id, c.name.official, 'name');
    for (const alt of c.altSpellings ?? []) {
      // Latin-script spellings only; the codes are handled below, because most two-letter
      // codes ("IN", "IT", "ME") are ordinary words in capitals.
      if (alt === c.cca2 || alt === c.cca3 || !/^[\p{Script=Latin}\s.,'’()-]+$/u.test(alt) || alt.includes(',')) continue;
      add(id, alt, /^[A-Z.]{2,6}$/.test(alt) ? 'code' : 'name');
    }
    for (const code of PROSE_CODES[c.cca2] ?? []) add(id, code, 'code');
    for (const n of EXTRA_NAMES[c.cca2] ?? []) add(id, n, 'name');
    for (const m of METONYMS[c.cca2] ?? []) add(id, m, 'metonym');
    if (c.independent || CAPITAL_TOO.has(c.cca2)) {
      // "Washington D.C." is written "Washington" when it stands for the government.
      for (const cap of c.capital ?? []) add(id, cap.replace(/,?\s+D\.?C\.?$/, ''), 'capital');
    }
    const dem = c.demonyms?.eng?.m;
    if (dem) {
      const owners = demonymOwners.get(dem) ?? [];
      owners.push({ id, independent: Boolean(c.independent) });
      demonymOwners.set(dem, owners);
    }
  }
  // A demonym shared by two countries goes to the only sovereign one ("American" → US, not the
  // Northern Mariana Islands); shared by two sovereign states ("Congolese") it says nothing.
  for (const [dem, owners] of demonymOwners) {
    const sovereign = owners.filter((o) => o.independent);
    const pick = owners.length === 1 ? owners[0] : sovereign.length === 1 ? sovereign[0] : undefined;
    if (pick) add(pick.id, dem, 'demonym');
  }
  for (const org of ORGANISATIONS) {
    parties.push({ id: org.id, name: org.name, type: 'organisation', codes: org.codes ?? [] });
    for (const a of org.aliases) add(org.id, a, 'name');
    for (const code of org.codes ?? []) add(org.id, code, /^[A-Z0-9.-]+$/.test(code) ? 'code' : 'name');
  }
  return { parties, aliases: dedupe(aliases) };
}

/** Drops repeats, and forms that name two parties ("Brussels": Belgium or the EU): they name neither. */
function dedupe(aliases: Alias[]): Alias[] {
  const owners = new Map<string, Set<string>>();
  for (const a of aliases) owners.set(a.text, (owners.get(a.text) ?? new Set()).add(a.partyId));
  const seen = new Set<string>();
  return aliases.filter((a) => {
    const key = `${a.partyId}\u0000${a.text}`;
    if (seen.has(key) || owners.get(a.text)!.size > 1) return false;
    seen.add(key);
    return true;
  });
}

let cached: Gazetteer | undefined;
/** The generic gazetteer, built once per process. */
export function baseGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
