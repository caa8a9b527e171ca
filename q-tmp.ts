import { loadKnowledgeBase } from './src/knowledge/knowledgeBase';
import { askAnswer } from './src/answer/ask';
const kb = await loadKnowledgeBase(process.argv[2]!);
for (const q of process.argv.slice(3)) { const a = askAnswer(kb, q); console.log(q, '→', a.excerpts[0]?.paragraph, a.notice ?? ''); }
