/**
 * The card of an article just added to a server's library: title (linked), site, date, byline,
 * paragraphs, quotes found, top speakers, and an Undo button whose `custom_id` names the article
 * (`customId.ts` `encodeUndoId`), so it still works after a restart.
 */
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { AddedCard } from '../core/answer';
import { encodeUndoId } from './customId';
import { escapeAndFit, escapeMarkdown, truncate } from './markdown';

/** Embed and Undo button for an added article. `url` is already checked (`safeUrl`). */
export function addedCard(card: AddedCard, url: string | undefined): { embed: APIEmbed; undo: APIButtonComponent } {
  const fields = [
    { name: 'Site', value: escapeAndFit(card.site ?? '—', 200), inline: true },
    { name: 'Date', value: escapeAndFit(card.published ?? '—', 40), inline: true },
    { name: 'Byline', value: escapeAndFit(card.author ?? '—', 200), inline: true },
    { name: 'Paragraphs', value: String(card.paragraphs), inline: true },
    { name: 'Quotes found', value: String(card.quotes), inline: true },
    {
      name: 'Top speakers',
      value: card.topSpeakers.length ? truncate(card.topSpeakers.map((s) => escapeMarkdown(s)).join(', '), 1000) : '—',
      inline: false,
    },
  ];
  return {
    embed: {
      title: escapeAndFit(card.title || card.articleId, 256),
      ...(url ? { url } : {}),
      description: `Added to this server's library as \`${card.articleId}\`. Ask about it with /who-said, /search or /ask.`,
      fields,
      color: 0x2e8b57,
    },
    undo: { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Undo', custom_id: encodeUndoId(card.articleId) },
  };
}
