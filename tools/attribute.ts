/**
 * PolNeAR measurement: reads a gold JSONL file (path as the only argument), runs the attribution
 * engine on each article's text and writes the scorer's system format to stdout, one line per
 * article. Usage: npm run --silent attribute -- /path/to/dev.jsonl > system.jsonl
 */
import { readFileSync } from 'node:fs';
import { attributeQuotes } from '../src/analysis/attribute';

interface GoldLine {
  id: string;
  text: string;
}

/** An unattributed quote worth reporting: a long passage or a capitalised sentence, not a scare quote. */
function looksLikeSpeech(text: string, start: number, end: number): boolean {
  const inner = text.slice(start, end).replace(/^(?:''|["\u201C\u00AB])\s*/, '');
  return end - start > 60 || (end - start > 25 && /^\p{Lu}/u.test(inner) && /[.!?,]\W*$/.test(inner));
}

/**
 * The name of an organisation source without its article ("The Pentagon" → "Pentagon", "the
 * Arab League" → "Arab League"); descriptions ("the agency", "the French foreign ministry") keep
 * theirs, so the scorers read them as "nobody named".
 */
function orgName(label: string): string {
  const m = /^the\s+((?:\p{Lu}[\p{L}.'\u2019&-]*)(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}.'\u2019&-]*))*)$/iu.exec(label);
  // An adjective is not a name ("the Jewish state's premier" cut short to "the Jewish"), and a
  // phrase with a possessive inside is a description ("the Jewish state's premier" itself).
  return m && m[1] && /\p{Lu}/u.test(m[1][0] ?? '') && !/\s(?:of|for|and|the)$/.test(m[1]) && !/(?:ish|ese|ian|ic)$/.test(m[1]) && !/['\u2019]s\s/.test(m[1]) ? m[1] : label;
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: attribute <gold.jsonl>\n');
  process.exit(2);
}

const started = Date.now();
const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
const out: string[] = [];
for (const line of lines) {
  const gold = JSON.parse(line) as GoldLine;
  const { statements, speakers } = attributeQuotes(gold.text);
  const byId = new Map(speakers.map((s) => [s.id, s.name]));
  const quotes = statements
    // Quotes with no attribution at all are mostly titles and scare quotes, which PolNeAR does
    // not annotate as attributions; the engine still reports them for the bot.
    .filter((s) => s.sourceLabel !== 'unattributed' || looksLikeSpeech(gold.text, s.content.start, s.content.end))
    .map((s) => ({
      content: { start: s.content.start, end: s.content.end, ...(s.fragments ? { fragments: s.fragments } : {}) },
      source: s.source ? { start: s.source.start, end: s.source.end, text: s.source.text } : null,
      speaker: s.speakerId ? byId.get(s.speakerId) : s.source ? orgName(s.sourceLabel) : undefined,
      direct: s.kind === 'direct',
    }));
  out.push(JSON.stringify({ id: gold.id, quotes }));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`attributed ${lines.length} articles in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
