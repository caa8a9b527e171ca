/**
 * The corrections' parts of a message (issue #16): a "Wrong speaker?" button per excerpt card and
 * 👍/👎 on answers (one row: a page shows at most 3 excerpts, so 3 + 2 buttons fit Discord's 5 a
 * row), the speaker menu a "Wrong speaker?" press opens, and `/corrections` with Accept/Reject.
 *
 * The speaker menu is a string select, not `/correct`'s autocomplete: a press already names the
 * sentence, so the member only picks, and the menu can list the article's own people (select
 * menus hold 25 options: the 24 most quoted people of the article and "unnamed"; `/correct
 * speaker:` takes any of them by name for a longer list).
 *
 * Every `custom_id` names what it acts on (article, sentence, correction number), never who may
 * press it: the command path checks the presser each time, so a forged or replayed id gets the
 * same answer as typing the command.
 */
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIStringSelectComponent } from 'discord.js';
import type { Excerpt } from '../core/answer';
import { excerptTarget, type CorrectionTarget, type CorrectionsList } from '../core/corrections';
import { CUSTOM_ID_MAX } from '../core/limits';
import { escapeAndFit, neutraliseMentions, truncate } from './markdown';
import type { MessageData } from './respond';

type Row = NonNullable<MessageData['components']>[number];

const ARTICLE_ID = '[a-z0-9][a-z0-9._-]{0,63}';
const WRONG = new RegExp(`^w:(${ARTICLE_ID}):(p\\d{1,6}\\.[0-9a-f]{10})$`);
const PICK = new RegExp(`^c:(${ARTICLE_ID}):(s\\d{1,9}-\\d{1,9}\\.[0-9a-f]{10})$`);
const FEEDBACK = /^f:([+-]):([a-z][a-z -]{0,39})$/;
const DECIDE = /^c([ar]):(\d{1,10})$/;

/** What a correction component asks for, or undefined for any other `custom_id`. */
export type CorrectionPress =
  | { kind: 'wrong-speaker'; article: string; target: string }
  | { kind: 'pick'; article: string; target: string }
  | { kind: 'feedback'; up: boolean; command: string }
  | { kind: 'decide'; accept: boolean; id: number };

/** Reads a correction component's `custom_id`. */
export function decodeCorrectionId(customId: string): CorrectionPress | undefined {
  let m = WRONG.exec(customId);
  if (m) return { kind: 'wrong-speaker', article: m[1]!, target: m[2]! };
  m = PICK.exec(customId);
  if (m) return { kind: 'pick', article: m[1]!, target: m[2]! };
  m = FEEDBACK.exec(customId);
  if (m) return { kind: 'feedback', up: m[1] === '+', command: m[2]! };
  m = DECIDE.exec(customId);
  if (m) return { kind: 'decide', accept: m[1] === 'a', id: Number(m[2]) };
  return undefined;
}

/** Fits Discord's limit, or is left out (a cut id would name something else). */
function fits(id: string): string | undefined {
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/**
 * One row: "Wrong speaker? N" for each card on the page that has a speaker to correct (not the
 * reporter's narration), then 👍 and 👎 for the answer when `feedbackFor` names the command.
 */
export function answerRow(excerpts: readonly Excerpt[], feedbackFor: string | undefined): Row | undefined {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  excerpts.forEach((e, i) => {
    if (e.kind === 'narration') return;
    const id = fits(`w:${e.article.id}:${excerptTarget(e.paragraph, e.text)}`);
    if (!id || seen.has(id) || !WRONG.test(id)) return;
    seen.add(id);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: excerpts.length > 1 ? `Wrong speaker? (${i + 1})` : 'Wrong speaker?', custom_id: id });
  });
  if (feedbackFor && FEEDBACK.test(`f:+:${feedbackFor}`)) {
    buttons.push(
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '👍', custom_id: `f:+:${feedbackFor}` },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '👎', custom_id: `f:-:${feedbackFor}` },
    );
  }
  return buttons.length ? { type: ComponentType.ActionRow, components: buttons.slice(0, 5) } : undefined;
}

/** The speaker menu for one sentence (`/correct` without a speaker). */
export function pickRow(target: CorrectionTarget): Row | undefined {
  const id = fits(`c:${target.article.id}:${target.target}`);
  if (!id || !PICK.test(id)) return undefined;
  const seen = new Set<string>();
  const options = target.choices
    .filter((c) => c.value.length > 0 && c.value.length <= 100 && !seen.has(c.value) && seen.add(c.value))
    .slice(0, 25)
    .map((c) => ({ label: truncate(neutraliseMentions(c.label || c.value), 100), value: c.value }));
  if (options.length === 0) return undefined;
  const menu: APIStringSelectComponent = { type: ComponentType.StringSelect, custom_id: id, placeholder: 'Who said this?', min_values: 1, max_values: 1, options };
  return { type: ComponentType.ActionRow, components: [menu] };
}

/** Items `/corrections` shows with Accept/Reject (a row each; one row is left for the rest of the message). */
const DECIDABLE = 4;

/** `/corrections`: the list as an embed, Accept/Reject rows for the first pending ones. */
export function correctionsParts(list: CorrectionsList, valueMax = 1000): { embeds: APIEmbed[]; rows: Row[] } {
  const fields = list.items.slice(0, 10).map((c) => {
    // A member id renders as their name; replies never ping (allowed_mentions parse: []).
    const who = /^\d{17,20}$/.test(c.proposedBy) ? `<@${c.proposedBy}>` : escapeAndFit(c.proposedBy, 32);
    const by = ` · proposed by ${who} on ${escapeAndFit(c.proposedAt.slice(0, 10), 10)}`;
    return {
      name: truncate(neutraliseMentions(`#${c.id} · ${c.stale ? 'accepted, not applied: the sentence changed' : c.status} · ${c.article.title || c.article.id} ¶${c.paragraph}`), 200),
      value: escapeAndFit(`${c.text}\n${c.from} → ${c.to}`, Math.max(40, valueMax - by.length)) + by,
    };
  });
  const embeds: APIEmbed[] = [];
  if (fields.length) embeds.push({ title: 'Corrections', fields });
  if (list.feedback.length) {
    const lines = list.feedback.map((f) => `/${f.command}: 👍 ${f.up} · 👎 ${f.down}`);
    embeds.push({ title: 'Feedback on answers', description: escapeAndFit(lines.join('\n'), 3500) });
  }
  const rows: Row[] = list.items
    .filter((c) => c.status === 'pending')
    .slice(0, DECIDABLE)
    .map((c) => ({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Success, label: `Accept #${c.id}`, custom_id: `ca:${c.id}` },
        { type: ComponentType.Button, style: ButtonStyle.Danger, label: `Reject #${c.id}`, custom_id: `cr:${c.id}` },
      ],
    }));
  return { embeds, rows };
}
