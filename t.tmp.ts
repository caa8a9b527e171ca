import { attributeQuotes } from './src/analysis/attribute';
const txt = process.argv[2] ?? '';
const { statements } = attributeQuotes(txt);
for (const s of statements) console.log(JSON.stringify(txt.slice(s.content.start, s.content.end)), '<=', s.sourceLabel, s.kind);
