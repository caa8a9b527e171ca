/**
 * Quote clusters over invented articles (test/fixtures/across): one quotation reported by three
 * articles with small wording changes (a word changed, a word dropped, words cut with an
 * ellipsis) on three dates, and the same words credited to two different people (a conflict).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { buildClusters, prepareQuoteClusters, quoteClusters, sameQuote } from '../../src/across/clusters';
import { wordingDifferences } from '../../src/across/wording';
import { words } from '../../src/text/words';
import { ask } from '../helpers';
import { renderText } from '../../src/render/text';
import { renderAnswer } from '../../src/discord/render';

export const ACROSS_DIR = join(import.meta.dirname, '..', 'fixtures', 'across');

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledgeBase(ACROSS_DIR);
});

function printed(text: string) {
  const w = words(text);
  const ellipses = [...text.matchAll(/…|\.\.\./g)].map((m) => w.filter((x) => x.start < m.index).length - 1);
  return { text, words: w, ellipses };
}

describe('sameQuote: equal after normalising, or nearly equal', () => {
  const base = printed('We are fundamentally aligned on the core strategy and we will keep working closely with Seoul');
  it('case, punctuation and quote marks do not count', () => {
    expect(sameQuote(base, printed('“WE are fundamentally aligned — on the core strategy, and we will keep working closely with Seoul!”'))).toBe(true);
  });
  it('a word changed, dropped or added is the same quotation', () => {
    expect(sameQuote(base, printed('We are fundamentally aligned on the main strategy and we will keep working closely with Seoul'))).toBe(true);
    expect(sameQuote(base, printed('We are fundamentally aligned on the core strategy and we will keep working with Seoul'))).toBe(true);
    expect(sameQuote(base, printed('We are fundamentally aligned on the core strategy and we will keep working very closely with Seoul'))).toBe(true);
  });
  it('words cut with an ellipsis do not count, words cut without one do', () => {
    expect(sameQuote(base, printed('We are fundamentally aligned … we will keep working closely with Seoul'))).toBe(true);
    expect(sameQuote(base, printed('We are fundamentally aligned we will keep working closely with Seoul'))).toBe(false);
  });
  it('another quotation sharing a few words is not the same', () => {
    expect(sameQuote(base, printed('We are fundamentally opposed to the plan and will not keep working with Pyongyang'))).toBe(false);
    expect(sameQuote(printed('We are aligned'), printed('We are aligned'))).toBe(false); // too short to track
  });
  it('a long quotation (a speech of 450 words) is the same however long, and a word changed near its end is found', () => {
    const speech = Array.from({ length: 450 }, (_, i) => `word${i}`);
    const long = printed(speech.join(' '));
    expect(sameQuote(long, printed(speech.join(' ')))).toBe(true);
    expect(wordingDifferences(long, printed(speech.join(' ')))).toBe('');
    const changed = printed(speech.map((w, i) => (i === 440 ? 'changed' : w)).join(' '));
    expect(sameQuote(long, changed)).toBe(true);
    expect(wordingDifferences(long, changed)).toBe('“changed” for “word440”');
  });

  it('says how the wording differs, verbatim', () => {
    expect(wordingDifferences(base, printed('We are fundamentally aligned on the main strategy and we will keep working with Seoul'))).toBe(
      '“main” for “core”; leaves out “closely”',
    );
    expect(wordingDifferences(base, printed('We are fundamentally aligned … we will keep working closely with Seoul'))).toBe('cuts “on the core strategy and” (…)');
  });
});

describe('clusters over the fixture articles', () => {
  it('one quotation, three reports, earliest first (not file order), wording differences shown', () => {
    const sullivan = quoteClusters(kb).clusters.filter((c) => c.reports.some((r) => r.text.includes('fundamentally aligned')));
    expect(sullivan).toHaveLength(1);
    const [cluster] = sullivan;
    expect(cluster!.reports.map((r) => [r.articleId, r.published])).toEqual([
      ['herald-sullivan', '2021-11-28'],
      ['times-sullivan', '2021-11-29'],
      ['yonhap-sullivan-wire', '2021-11-30'],
    ]);
    expect(cluster!.conflicts).toEqual([]);
  });

  it('/who-said shows the cluster once, with who reported it first and where the wording differs', async () => {
    const answer = await ask('/who-said phrase:fundamentally aligned on the core strategy', kb);
    const withCluster = answer.excerpts.filter((e) => e.cluster);
    expect(withCluster).toHaveLength(1);
    // The other two reports are not separate excerpts.
    expect(answer.excerpts.filter((e) => e.text.includes('fundamentally aligned'))).toHaveLength(1);
    const cluster = withCluster[0]!.cluster!;
    expect(cluster.summary).toMatch(/^reported by 3 articles, first on 2021-11-28 by The Korea Herald/);
    expect(cluster.reports.map((r) => r.article.id)).toEqual(['herald-sullivan', 'times-sullivan', 'yonhap-sullivan-wire']);
    expect(cluster.reports[0]!.wording).toBeUndefined();
    expect(cluster.reports[1]!.wording).toBe('“this” for “the”');
    expect(cluster.reports[2]!.wording).toBe('cuts “on the core strategy and” (…); leaves out “closely”');
    // Every report keeps its own article's attribution.
    expect(cluster.reports[1]!.source).toBe('Mr Sullivan');
    expect(withCluster[0]!.speaker?.name).toBe('Jake Sullivan');
    const text = renderText(answer);
    expect(text).toContain('reported by 3 articles, first on 2021-11-28 by The Korea Herald');
    expect(text).toContain('wording: cuts “on the core strategy and” (…)');
    const discord = JSON.stringify(renderAnswer(answer).embeds);
    expect(discord).toContain('Reported by');
    expect(discord).toContain('first on 2021-11-28 by The Korea Herald');
  });

  it('/quotes shows the cluster once too', async () => {
    const answer = await ask('/quotes speaker:Jake Sullivan', kb);
    expect(answer.excerpts.filter((e) => /fundamentally aligned/.test(e.text))).toHaveLength(1);
    expect(answer.excerpts.find((e) => e.cluster)?.cluster?.summary).toMatch(/^reported by 3 articles/);
  });

  it('the same words credited to two people are two clusters flagged as a conflict, never merged', async () => {
    const door = quoteClusters(kb).clusters.filter((c) => c.reports.some((r) => r.text.includes('door to dialogue')));
    expect(door).toHaveLength(2);
    expect(door.map((c) => c.reports.map((r) => r.personName))).toEqual([['Moon Jae-in'], ['Chung Eui-yong']]);
    for (const c of door) expect(c.conflicts).toEqual(door.filter((o) => o !== c));
    const answer = await ask('/who-said phrase:The door to dialogue remains open to Pyongyang', kb);
    const speakers = answer.excerpts.map((e) => e.speaker?.name);
    expect(speakers).toContain('Moon Jae-in');
    expect(speakers).toContain('Chung Eui-yong');
    expect(answer.notice).toMatch(/Articles disagree on who said this/);
    for (const e of answer.excerpts) expect(e.cluster?.conflict).toMatch(/credits it to (Moon Jae-in|Chung Eui-yong)/);
    // Each excerpt's conflict names the other person, not its own speaker.
    for (const e of answer.excerpts) expect(e.cluster!.conflict).not.toContain(`credits it to ${e.speaker!.name}`);
  });

  it('the seed alone has no clusters, and its answers carry none', async () => {
    const seed = await loadKnowledgeBase(join(import.meta.dirname, '..', '..', 'knowledge'));
    expect(quoteClusters(seed).clusters).toEqual([]);
    const answer = await ask('/quotes speaker:Sullivan', seed);
    expect(answer.excerpts.some((e) => e.cluster)).toBe(false);
  });
});

describe('clusters built ahead of use', () => {
  const shape = (c: ReturnType<typeof buildClusters>) => c.clusters.map((x) => [x.id, x.reports.map((r) => [r.articleId, r.text]), x.conflicts.map((o) => o.id)]);

  it('built a slice at a time, they are the clusters built at once, and a question finds them ready', async () => {
    const fresh = await loadKnowledgeBase(ACROSS_DIR);
    await prepareQuoteClusters(fresh, 0);
    expect(fresh.hasDerived(buildClusters)).toBe(true);
    expect(shape(quoteClusters(fresh))).toEqual(shape(buildClusters(fresh)));
    expect(quoteClusters(fresh).clusters.length).toBeGreaterThan(1);
  });

  it('gives up when told to (shutting down), leaving them to the first answer that shows them', async () => {
    const fresh = await loadKnowledgeBase(ACROSS_DIR);
    await prepareQuoteClusters(fresh, 0, () => true);
    expect(fresh.hasDerived(buildClusters)).toBe(false);
    expect(quoteClusters(fresh).clusters.length).toBeGreaterThan(1);
  });

  it('keeps the clusters a question built meanwhile', async () => {
    const fresh = await loadKnowledgeBase(ACROSS_DIR);
    const first = quoteClusters(fresh);
    await prepareQuoteClusters(fresh, 0);
    expect(quoteClusters(fresh)).toBe(first);
  });
});
