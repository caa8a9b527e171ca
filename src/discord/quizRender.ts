/**
 * `/quiz …` answers as Discord messages: the round (masked quote, a countdown, four answer
 * buttons), the reveal (who said it, the cited excerpt with its article link and paragraph, who
 * answered right and wrong), and leaderboards. Members show as mentions, which never ping
 * (`safeMessage`: allowed_mentions parse []).
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { QuizAnswer } from '../core/answer';
import { encodeQuizId } from './customId';
import { escapeAndFit, escapeMarkdown, truncate } from './markdown';
import { safeMessage, type SafeMessage } from './respond';
import { safeUrl } from './render';

const CONTENT_MAX = 2000;
const LABEL_MAX = 80;

/** A member as Discord shows them (a mention; never pings), or the text of a non-Discord id. */
export function memberText(userId: string): string {
  return /^\d{17,20}$/.test(userId) ? `<@${userId}>` : escapeMarkdown(userId.slice(0, 32));
}

function revealText(r: NonNullable<QuizAnswer['reveal']>): string {
  const who = [r.speaker.name, r.speaker.role].filter(Boolean).join(', ');
  const url = safeUrl(r.article.url, 512);
  const title = escapeAndFit(r.article.title, 200);
  const lines = [
    `**Round ${r.number}/${r.of}:** it was **${escapeAndFit(who, 200)}**${r.corrected ? ' *(as corrected by this server)*' : ''}`,
    `> ${escapeAndFit(r.text, 700).replace(/\n/g, '\n> ')}`,
    `${url ? `[${title}](<${url}>)` : title} · paragraph ${r.paragraph}`,
    `✅ ${truncate(r.right.map(memberText).join(', ') || 'nobody', 300)}  ·  ❌ ${truncate(r.wrong.map(memberText).join(', ') || 'nobody', 300)}`,
  ];
  return lines.join('\n');
}

function roundText(q: NonNullable<QuizAnswer['round']>): string {
  const ends = Math.floor(Date.parse(q.endsAt) / 1000);
  return [`**Who said it?** Round ${q.number}/${q.of} · ends <t:${ends}:R>`, `> ${escapeAndFit(q.quote, 800).replace(/\n/g, '\n> ')}`].join('\n');
}

function scoresText(scores: NonNullable<QuizAnswer['scores']>, title: string): string {
  if (!scores.length) return `${title}\nNobody has answered yet.`;
  return [title, ...scores.map((s, i) => `${i + 1}. ${memberText(s.userId)} — ${s.points} point${s.points === 1 ? '' : 's'} (${s.answered} answered)`)].join('\n');
}

/** Four answer buttons for a round. */
export function quizButtons(q: NonNullable<QuizAnswer['round']>): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: q.choices.map((c, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: truncate(`${i + 1}. ${c}`, LABEL_MAX),
      custom_id: encodeQuizId(q.roundId, i + 1),
    })),
  };
}

/** The quiz message: the reveal of the round just closed, then the round to answer, or the final scores. */
export function renderQuiz(quiz: QuizAnswer, notice?: string): SafeMessage {
  const parts: string[] = [];
  if (notice) parts.push(escapeAndFit(notice, 300));
  if (quiz.reveal) parts.push(revealText(quiz.reveal));
  const waiting = quiz.chosen !== undefined && !quiz.reveal;
  if (waiting && quiz.round) parts.push(`Your answer is in: ${quiz.chosen! + 1}. ${escapeAndFit(quiz.round.choices[quiz.chosen!] ?? '', 100)}. The answer shows when the round ends.`);
  else if (quiz.round) parts.push(roundText(quiz.round));
  if (quiz.scores) parts.push(scoresText(quiz.scores, quiz.reveal && !quiz.round ? '**Quiz over.** Scores for this quiz:' : "**Quiz scores in this server:**"));
  return safeMessage({
    content: truncate(parts.join('\n\n') || 'Nothing to show.', CONTENT_MAX),
    components: quiz.round && !waiting ? [quizButtons(quiz.round)] : [],
  });
}

/** What the presser alone reads about their answer. */
export function pressText(outcome: { status: 'recorded' | 'duplicate' | 'late'; choice?: number }, choices: readonly string[], right?: number): string {
  const pick = (i: number | undefined) => (i === undefined ? '' : `${i + 1}. ${escapeAndFit(choices[i] ?? '', 100)}`);
  switch (outcome.status) {
    case 'recorded':
      return right === undefined
        ? `Your answer is in: ${pick(outcome.choice)}. The answer shows when the round ends.`
        : outcome.choice === right
          ? `Your answer: ${pick(outcome.choice)} — right!`
          : `Your answer: ${pick(outcome.choice)} — not this time (it was ${pick(right)}).`;
    case 'duplicate':
      return 'You already answered this round; one answer per round.';
    case 'late':
      return `This round has ended, so your answer didn't count. It was ${pick(right)}.`;
  }
}
