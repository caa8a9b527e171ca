/** Test helper: runs the attribution engine on a small invented article and answers questions about it. */
import { attributeQuotes } from '../../src/analysis/attribute';
import type { Attribution, Statement } from '../../src/analysis/types';

export interface AttributedArticle {
  body: string;
  result: Attribution;
  /** The statement whose content covers the given text (throws if none does). */
  covering: (text: string) => Statement;
  /** The resolved speaker's name, or null when the statement has no person. */
  who: (statement: Statement) => string | null;
}

export function attributeArticle(paragraphs: string[]): AttributedArticle {
  const body = paragraphs.join('\n\n');
  const result = attributeQuotes(body);
  const covering = (t: string): Statement => {
    const at = body.indexOf(t);
    const st = result.statements.find((s) => s.content.start <= at && at + t.length <= s.content.end);
    if (!st) throw new Error(`no statement covers ${t}`);
    return st;
  };
  const who = (st: Statement): string | null => (st.speakerId ? (result.speakers.find((s) => s.id === st.speakerId)?.name ?? null) : null);
  return { body, result, covering, who };
}
