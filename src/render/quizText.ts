/** `/quiz …` answers as terminal text: the reveal, the round to answer (numbered 1–4), scores. */
import type { QuizAnswer } from '../core/answer';

/** "you" for the console's one player; a Discord member by id elsewhere. */
function who(userId: string): string {
  return userId === 'console' ? 'you' : userId;
}

export function quizLines(quiz: QuizAnswer): string[] {
  const out: string[] = [];
  const r = quiz.reveal;
  if (r) {
    const speaker = [r.speaker.name, r.speaker.role].filter(Boolean).join(', ');
    out.push(`Round ${r.number}/${r.of}: it was ${r.answer + 1}. ${speaker}${r.corrected ? ' (as corrected by this server)' : ''}.`);
    if (quiz.chosen !== undefined) out.push(quiz.chosen === r.answer ? 'Right!' : `Not this time: you picked ${quiz.chosen + 1}. ${r.choices[quiz.chosen]}.`);
    out.push(`    ${r.text}`);
    out.push(`    ${r.article.title} [${r.article.id}], paragraph ${r.paragraph}${r.article.url ? ` — ${r.article.url}` : ''}`);
    out.push(`    right: ${r.right.map(who).join(', ') || 'nobody'} · wrong: ${r.wrong.map(who).join(', ') || 'nobody'}`, '');
  } else if (quiz.chosen !== undefined) {
    out.push(`Your answer: ${quiz.chosen + 1}. The answer shows when the round ends.`, '');
  }
  const q = quiz.round;
  if (q && !(quiz.chosen !== undefined && !r)) {
    out.push(`Who said it? Round ${q.number}/${q.of} (${q.seconds} s)`);
    out.push(`    ${q.quote}`);
    q.choices.forEach((c, i) => out.push(`  ${i + 1}. ${c}`));
    out.push('Answer with 1–4 (or /quiz answer choice:N).', '');
  }
  if (quiz.scores) {
    out.push(r && !q ? 'Quiz over. Scores for this quiz:' : 'Quiz scores in this server:');
    quiz.scores.forEach((s, i) => out.push(`  ${i + 1}. ${who(s.userId)} — ${s.points} point${s.points === 1 ? '' : 's'} (${s.answered} answered)`));
    if (!quiz.scores.length) out.push('  (nobody has answered yet)');
    out.push('');
  }
  return out;
}
