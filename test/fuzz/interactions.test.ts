/**
 * Malformed interaction shapes (every interaction type and option type, with fields deleted or
 * of the wrong JSON type) through the edge schema and the shared core, and through the real HTTP
 * endpoint with real Ed25519 signatures: never a 5xx, never a generic "something went wrong",
 * never a lone surrogate in a reply, and `/reload` runs only for a member whose permissions are
 * a decimal string with Manage Server or Administrator.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { parseInteraction } from '../../src/discord/input';
import { createInteractionCore, type InteractionCore } from '../../src/discord/interactions';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { runHttp, type HttpHandle } from '../../src/discord/http';
import { captureLogger, postSignedInteraction } from '../discord/helpers';
import { assertWithinDiscordLimits, visibleText } from '../discord/limits';
import { seedKb } from '../helpers';
import { assertNoLoneSurrogates, fuzzRuns } from './hostile';
import { malformedInteraction } from './shapes';

const RUNS = fuzzRuns(2000);
/** Each HTTP run is a signed request over 127.0.0.1: fewer of them. */
const HTTP_RUNS = Math.max(100, Math.floor(RUNS / 10));
const GENERIC = /something went wrong|failed\. The error has been logged/i;
const ADMIN_BITS = (1n << 3n) | (1n << 5n);

let kb: KnowledgeBase;
let core: InteractionCore;
let reloads = 0;
const log = captureLogger();
const keys = generateKeyPairSync('ed25519');
let server: HttpHandle;

beforeAll(async () => {
  kb = await seedKb();
  const reload = async () => {
    reloads += 1;
    return 'reloaded';
  };
  core = createInteractionCore({ getKnowledgeBase: () => kb, commands, logger: log.logger, rateLimitPerMinute: 1_000_000, reload });
  server = await runHttp({
    config: { publicKey: Buffer.from(keys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'), rateLimitPerMinute: 1_000_000 },
    getKnowledgeBase: () => kb,
    commands,
    logger: log.logger,
    reload,
    // No REST calls are expected (nothing here is slow); an unreachable API makes any visible.
    restApi: 'http://127.0.0.1:9/api',
    port: 0,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await server?.close();
});

/** Whether the raw JSON carries a well-formed admin permissions field (the only case /reload may run). */
function mayReload(body: string): boolean {
  const raw = JSON.parse(body) as { member?: { permissions?: unknown } };
  const p = raw?.member?.permissions;
  return typeof p === 'string' && /^\d+$/.test(p) && (BigInt(p) & ADMIN_BITS) !== 0n;
}

/** What every answer must be, whatever came in. */
function assertAnswerSafe(response: unknown, context: string): void {
  const r = response as { type: number };
  assertNoLoneSurrogates(response, context);
  expect(visibleText(response), context).not.toMatch(GENERIC);
  if (r.type === 4 || r.type === 7) assertWithinDiscordLimits(response);
}

const errorsLogged = () => log.lines.filter((l) => (l.level as number) >= 50);

describe('malformed interaction shapes', () => {
  it('through the edge schema and the core: refused, or answered safely — never thrown, never a generic error', async () => {
    await fc.assert(
      fc.asyncProperty(malformedInteraction, async (body) => {
        const before = reloads;
        const parsed = parseInteraction(JSON.parse(body));
        if (!parsed.ok) {
          expect(parsed.problem.length).toBeGreaterThan(0);
          expect(parsed.problem.length).toBeLessThanOrEqual(200);
          return;
        }
        const result = await core.answer(parsed.input);
        expect(result.outcome, body.slice(0, 300)).not.toBe('error');
        assertAnswerSafe(result.response, body.slice(0, 300));
        if (reloads > before) expect(mayReload(body), `/reload ran for ${body.slice(0, 300)}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(errorsLogged()).toEqual([]);
  });

  it('through the real HTTP endpoint (signed): only 200 or 400, and every 200 is a safe answer', async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(malformedInteraction, async (body) => {
        const before = reloads;
        const { status, text } = await post(body);
        statuses[status] = (statuses[status] ?? 0) + 1;
        expect([200, 400], `${status} ${text.slice(0, 200)} for ${body.slice(0, 300)}`).toContain(status);
        if (status === 200) assertAnswerSafe(JSON.parse(text), body.slice(0, 300));
        if (reloads > before) expect(mayReload(body), `/reload ran for ${body.slice(0, 300)}`).toBe(true);
      }),
      { numRuns: HTTP_RUNS },
    );
    console.log(`malformed shapes over HTTP: ${HTTP_RUNS} signed requests, statuses ${JSON.stringify(statuses)}`);
    expect(errorsLogged()).toEqual([]);
  });
});

function post(body: string): Promise<{ status: number; text: string }> {
  return postSignedInteraction(server.port, keys.privateKey, body);
}
